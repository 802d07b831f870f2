package io.github.mailtls.autoconfigure;

import io.github.mailtls.sender.TlsProbeResult;

/**
 * Thrown at startup when {@code mail.tls.verify-on-startup} is set and the mail server
 * does not meet the TLS policy.
 *
 * @author mail-tls
 */
public class MailServerVerificationException extends RuntimeException {

	private final TlsProbeResult result;

	MailServerVerificationException(TlsProbeResult result) {
		super("Mail server %s:%d did not pass TLS verification at startup (%s): %s"
			.formatted(result.connection().host(), result.connection().port(), describe(result), result.error()));
		this.result = result;
	}

	private static String describe(TlsProbeResult result) {
		return (result.connection().reason() != null) ? "reason " + result.connection().reason().value()
				: "connection failed";
	}

	/**
	 * Return the result of the failed probe.
	 * @return the probe result
	 */
	public TlsProbeResult getResult() {
		return this.result;
	}

}
