package io.github.mailtls.sender;

import java.util.Locale;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;

/**
 * An Angus SMTP transport that applies the policy on the wire. The checks sit at the
 * only places where the session can go wrong: right after each plaintext EHLO (before
 * STARTTLS, AUTH or MAIL FROM) and in front of every command, so nothing after EHLO ever
 * leaves over a connection the policy does not allow.
 *
 * @author mail-tls
 */
final class EnforcingSmtpTransport extends SMTPTransport {

	private static final Set<String> PLAINTEXT_COMMANDS = Set.of("EHLO", "HELO", "STARTTLS", "QUIT", "RSET", "NOOP");

	private final ConnectionAttempt attempt;

	private final TlsPolicy policy;

	private boolean hasCredentials;

	EnforcingSmtpTransport(Session session, ConnectionAttempt attempt, TlsPolicy policy) {
		super(session, new URLName("smtp", null, -1, null, null, null));
		this.attempt = attempt;
		this.policy = policy;
	}

	@Override
	protected synchronized boolean protocolConnect(String host, int port, @Nullable String user,
			@Nullable String password) throws MessagingException {
		this.hasCredentials = user != null && password != null;
		this.attempt.bind();
		try {
			return super.protocolConnect(host, port, user, password);
		}
		catch (MessagingException ex) {
			throw ConnectionFailureExplainer.explain(ex, this.attempt, getLastReturnCode(), getLastServerResponse());
		}
		finally {
			this.attempt.unbind();
		}
	}

	@Override
	protected boolean ehlo(String domain) throws MessagingException {
		this.attempt.greeted();
		boolean extended = super.ehlo(domain);
		if (!isSSL()) {
			checkPlaintextSession(extended && supportsExtension("STARTTLS"));
		}
		return extended;
	}

	private void checkPlaintextSession(boolean startTlsOffered) throws MessagingException {
		this.attempt.startTlsAdvertised(startTlsOffered);
		TlsMode mode = this.policy.mode();
		if (mode == TlsMode.STARTTLS && !startTlsOffered) {
			throw refuse(RefusalReason.STARTTLS_NOT_OFFERED, ("the server did not advertise STARTTLS after EHLO, "
					+ "so nothing else was sent (an attacker on the path can delete the advertisement). "
					+ "Enable STARTTLS on the server, or use mail.tls.mode=implicit with port 465 if it offers "
					+ "implicit TLS."));
		}
		boolean staysPlaintext = mode == TlsMode.NONE || (mode == TlsMode.OPPORTUNISTIC && !startTlsOffered);
		if (staysPlaintext && this.hasCredentials && !this.policy.allowPlaintextAuth() && offersAuth()) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED, ("the session is plaintext and the server asks for AUTH: "
					+ "credentials are never sent in plaintext. Use a server that offers TLS, or set "
					+ "mail.tls.allow-plaintext-auth=true to accept the risk."));
		}
	}

	private boolean offersAuth() {
		return supportsExtension("AUTH") || supportsExtension("AUTH=LOGIN");
	}

	@Override
	protected void startTLS() throws MessagingException {
		this.attempt.startTlsIssued();
		super.startTLS();
	}

	@Override
	protected void sendCommand(String command) throws MessagingException {
		checkAllowed(verbOf(command));
		super.sendCommand(command);
	}

	@Override
	protected int simpleCommand(byte[] command) throws MessagingException {
		// Only the authenticators send raw byte commands: the continuation lines of AUTH.
		checkAllowed("AUTH");
		return super.simpleCommand(command);
	}

	private void checkAllowed(String verb) throws MessagingException {
		if (isSSL() || PLAINTEXT_COMMANDS.contains(verb)) {
			return;
		}
		if (this.policy.mode().requiresTls()) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED,
					"'%s' would have been sent without TLS. Nothing was sent.".formatted(verb));
		}
		if ("AUTH".equals(verb) && !this.policy.allowPlaintextAuth()) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED, "credentials would have been sent without TLS. "
					+ "Set mail.tls.allow-plaintext-auth=true only if you accept that risk.");
		}
	}

	private MessagingException refuse(RefusalReason reason, String detail) {
		MailTlsPolicyException refusal = this.attempt.refusal(reason, detail);
		return new ExplainedConnectionFailure(refusal.getMessage(), refusal);
	}

	private static String verbOf(String command) {
		int space = command.indexOf(' ');
		return ((space < 0) ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
	}

}
