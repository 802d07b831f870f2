package io.github.mailtls.sender;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;

/**
 * An Angus SMTP transport that applies the policy on the wire. The checks sit at the only
 * places where the session can go wrong: right after each plaintext EHLO (before
 * STARTTLS, AUTH or MAIL FROM) and in front of every command, so nothing after EHLO ever
 * leaves over a connection the policy does not allow.
 *
 * @author mail-tls
 */
final class EnforcingSmtpTransport extends SMTPTransport {

	private static final Log logger = LogFactory.getLog(EnforcingSmtpTransport.class);

	private static final Set<String> PLAINTEXT_COMMANDS = Set.of("EHLO", "HELO", "STARTTLS", "QUIT", "RSET", "NOOP");

	private final ConnectionAttempt attempt;

	private final TlsPolicy policy;

	private final StartTlsMemory startTlsMemory;

	private boolean hasCredentials;

	private @Nullable Message currentMessage;

	private boolean requireTlsForMessage;

	// OAuth2 (issue 12): set by the sender when a token provider is in use.
	private boolean tokenAuthentication;

	private boolean authCommandSent;

	EnforcingSmtpTransport(Session session, ConnectionAttempt attempt, TlsPolicy policy,
			StartTlsMemory startTlsMemory) {
		super(session, new URLName("smtp", null, -1, null, null, null));
		this.attempt = attempt;
		this.policy = policy;
		this.startTlsMemory = startTlsMemory;
	}

	@Override
	protected synchronized boolean protocolConnect(String host, int port, @Nullable String user,
			@Nullable String password) throws MessagingException {
		this.hasCredentials = user != null && password != null;
		this.authCommandSent = false;
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
		else if (this.tokenAuthentication && this.hasCredentials) {
			TokenAuthentication.checkOffered(this);
		}
		return extended;
	}

	/**
	 * Authenticate with access tokens only: {@code AUTH XOAUTH2}, never in plaintext,
	 * whatever {@code mail.tls.allow-plaintext-auth} says.
	 */
	void useTokenAuthentication() {
		this.tokenAuthentication = true;
	}

	/**
	 * Return whether the last connect sent {@code AUTH} and the server did not accept it:
	 * a {@code 334} error challenge (RFC 7628) or a 4xx/5xx reply.
	 * @return whether the server rejected the credentials
	 */
	boolean credentialsRejected() {
		int code = getLastReturnCode();
		return this.authCommandSent && (code == 334 || code >= 400);
	}

	boolean offersAuthentication(String mechanism) {
		return supportsAuthentication(mechanism);
	}

	private void checkPlaintextSession(boolean startTlsOffered) throws MessagingException {
		this.attempt.startTlsAdvertised(startTlsOffered);
		TlsMode mode = this.policy.mode();
		if (startTlsOffered) {
			this.startTlsMemory.rememberOffered(this.attempt.location());
		}
		else if (mode != TlsMode.NONE && this.startTlsMemory.offeredBefore(this.attempt.location())) {
			logger.warn(("Possible STARTTLS downgrade attack: %s advertised STARTTLS before and does not now; "
					+ "refusing to send")
				.formatted(this.attempt.location()));
			throw refuse(RefusalReason.DOWNGRADE_DETECTED, ("the server advertised STARTTLS on earlier connections "
					+ "and does not now: someone on the path may be deleting it (STRIPTLS). Nothing was sent after EHLO. "
					+ "If the server really stopped offering TLS, fix the server; a restart forgets earlier sessions "
					+ "unless mail.tls.downgrade-memory-file keeps them."));
		}
		if (mode == TlsMode.STARTTLS && !startTlsOffered) {
			throw refuse(RefusalReason.STARTTLS_NOT_OFFERED,
					("the server did not advertise STARTTLS after EHLO, "
							+ "so nothing else was sent (an attacker on the path can delete the advertisement). "
							+ "Enable STARTTLS on the server, or use mail.tls.mode=implicit with port 465 if it offers "
							+ "implicit TLS."));
		}
		boolean staysPlaintext = mode == TlsMode.NONE || (mode == TlsMode.OPPORTUNISTIC && !startTlsOffered);
		if (staysPlaintext && this.hasCredentials && this.tokenAuthentication) {
			// Whether or not AUTH is on offer: the send cannot authenticate without TLS.
			throw refuse(RefusalReason.PLAINTEXT_REFUSED, ("the session would stay plaintext, and an OAuth2 access "
					+ "token is never sent without TLS, whatever mail.tls.allow-plaintext-auth says. Nothing was sent "
					+ "after EHLO. Use a server that offers TLS; if it did before, someone may be deleting STARTTLS."));
		}
		if (staysPlaintext && this.hasCredentials && !this.policy.allowPlaintextAuth() && offersAuth()) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED,
					("the session is plaintext and the server asks for AUTH: "
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
	public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
		this.currentMessage = message;
		try {
			super.sendMessage(message, addresses);
		}
		finally {
			this.currentMessage = null;
		}
	}

	@Override
	protected void mailFrom() throws MessagingException {
		this.requireTlsForMessage = this.policy.requireTlsExtension() && !optsOutOfRequireTls(this.currentMessage);
		if (this.requireTlsForMessage && !(isSSL() && supportsExtension("REQUIRETLS"))) {
			throw refuse(RefusalReason.REQUIRETLS_NOT_OFFERED, ("the server does not advertise REQUIRETLS (RFC 8689) "
					+ "after TLS, so it cannot promise TLS on later hops; the message was not sent. Use a server that "
					+ "supports REQUIRETLS, set mail.tls.require-tls-extension=false, or add the header "
					+ "'TLS-Required: No' to messages that may travel without it."));
		}
		super.mailFrom();
	}

	private static boolean optsOutOfRequireTls(@Nullable Message message) throws MessagingException {
		String[] values = (message != null) ? message.getHeader("TLS-Required") : null;
		return values != null && Arrays.stream(values).anyMatch((value) -> "no".equalsIgnoreCase(value.trim()));
	}

	@Override
	protected void sendCommand(String command) throws MessagingException {
		String verb = verbOf(command);
		checkAllowed(verb);
		if ("AUTH".equals(verb)) {
			this.authCommandSent = true;
		}
		if (this.requireTlsForMessage && "MAIL".equals(verb)) {
			this.attempt.requireTlsUsed();
			super.sendCommand(command + " REQUIRETLS");
			return;
		}
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
		if ("AUTH".equals(verb) && this.tokenAuthentication) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED,
					"an OAuth2 access token would have been sent without TLS. Nothing was sent.");
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
