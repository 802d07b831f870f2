package io.github.mailtls.tls;

import io.github.mailtls.policy.RefusalReason;

/**
 * Why the JSSE side refused a server: thrown by the post-handshake check, or carried as
 * the cause of the {@code CertificateException} that aborts a handshake. It knows the
 * reason and what to change but not the SMTP connection; the transport turns it into a
 * {@link io.github.mailtls.policy.MailTlsPolicyException} naming host, port and mode.
 *
 * @author mail-tls
 */
public final class TlsRefusal extends RuntimeException {

	private final RefusalReason reason;

	TlsRefusal(RefusalReason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	/**
	 * Return why the server was refused.
	 * @return the reason
	 */
	public RefusalReason getReason() {
		return this.reason;
	}

	/**
	 * Return what happened and what to change.
	 * @return the detail
	 */
	public String getDetail() {
		return String.valueOf(getMessage());
	}

}
