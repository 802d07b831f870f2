package io.github.mailtls.sender;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;

/**
 * The result of {@link TlsEnforcingMailSender#probe()}.
 *
 * @param connection what the probe connection negotiated; its message count is zero
 * @param error why the probe failed or was refused, {@code null} on success
 * @author mail-tls
 */
public record TlsProbeResult(TlsSendRecord connection, @Nullable String error) {

	/**
	 * Whether TLS was negotiated under the policy and the server answered EHLO.
	 * @return {@code true} on success
	 */
	public boolean isSuccessful() {
		return this.connection.outcome() == SendOutcome.SUCCESS;
	}

}
