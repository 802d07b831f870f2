package io.github.mailtls.smtp;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;

/**
 * What every {@link EnforcingSmtpTransport} of a session enforces: the policy and the
 * memory of servers that offered STARTTLS. Kept as an object value in the session's
 * properties, so that transports the session creates on its own
 * ({@code Session.getTransport()}, {@code Transport.send(...)}) enforce it too.
 *
 * @param policy the policy
 * @param startTlsMemory the memory of servers that offered STARTTLS
 * @param localHostName the name announced in EHLO
 * @author mail-tls
 */
public record TransportEnforcement(TlsPolicy policy, StartTlsMemory startTlsMemory, LocalHostName localHostName) {

	/**
	 * The session property under which the enforcement is kept.
	 */
	public static final String PROPERTY = "mail.tls.enforcement";

	MailTlsPolicyException refusal(RefusalReason reason, String host, int port, String detail) {
		return new MailTlsPolicyException(reason, host, port, this.policy.mode(), detail);
	}

}
