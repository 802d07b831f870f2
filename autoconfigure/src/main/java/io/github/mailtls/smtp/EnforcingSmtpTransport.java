/*
 * Copyright 2025-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.mailtls.smtp;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Provider;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.pool.PoolableTransport;
import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.tls.HandshakeCapture;
import io.github.mailtls.tls.TlsHandshake;
import io.github.mailtls.tls.WriteCork;

/**
 * The Angus SMTP transport of every connection a mail-tls session makes. It applies the
 * session's {@link TransportEnforcement} on the wire: right after each plaintext EHLO
 * (before STARTTLS, AUTH or MAIL FROM), after STARTTLS (only what the server says under
 * TLS counts) and in front of every command, so nothing after EHLO ever leaves over a
 * connection the policy does not allow. Sessions name it in {@code mail.smtp.class} and
 * {@code mail.smtps.class}; a session without an enforcement gets no connection at all.
 *
 * @since 0.1.0
 */
public final class EnforcingSmtpTransport extends SMTPTransport implements PoolableTransport {

	static {
		TransportLogSink.install();
	}

	private static final Log logger = LogFactory.getLog(EnforcingSmtpTransport.class);

	private static final Provider SMTP = new Provider(Provider.Type.TRANSPORT, "smtp",
			EnforcingSmtpTransport.class.getName(), "mail-tls", null);

	private static final Provider SMTPS = new Provider(Provider.Type.TRANSPORT, "smtps",
			EnforcingSmtpTransport.class.getName(), "mail-tls", null);

	private static final Set<String> PLAINTEXT_COMMANDS = Set.of("EHLO", "HELO", "STARTTLS", "QUIT", "RSET", "NOOP");

	private final @Nullable TransportEnforcement enforcement;

	// OAuth2 (issue 12): AUTH XOAUTH2 only, after TLS only.
	private final boolean tokenAuthentication;

	private boolean authCommandSent;

	// Angus sends BDAT instead of DATA when chunking is configured and offered.
	private final boolean chunkingConfigured;

	// The state of the current connection, reset by every connect.
	private String host = "localhost";

	private int port = -1;

	private boolean hasCredentials;

	private boolean greeted;

	private boolean startTlsAdvertised;

	private boolean startTlsIssued;

	private @Nullable HandshakeCapture capture;

	private volatile @Nullable Socket socket;

	private @Nullable Duration resetTimeout;

	private @Nullable TlsHandshake handshake;

	private @Nullable WriteCork cork;

	private final SmtpPipeline pipeline = new SmtpPipeline();

	// The state of the current message.
	private @Nullable Message currentMessage;

	private Address @Nullable [] currentRecipients;

	// The context class loader used while writing messages, and the one it stands for.
	private @Nullable ClassLoader writingLoaderFor;

	private @Nullable ClassLoader writingLoader;

	private boolean requireTlsForMessage;

	/**
	 * Create a transport for the given session, as the session's provider registry does.
	 * @param session the session, whose properties carry the {@link TransportEnforcement}
	 * @param urlName the URL name of the transport
	 */
	public EnforcingSmtpTransport(Session session, @Nullable URLName urlName) {
		super(session, (urlName != null) ? urlName : new URLName("smtp", null, -1, null, null, null));
		Object enforcement = session.getProperties().get(TransportEnforcement.PROPERTY);
		this.enforcement = (enforcement instanceof TransportEnforcement value) ? value : null;
		this.tokenAuthentication = TokenAuthenticationPolicy.appliesTo(session);
		this.chunkingConfigured = chunkSize(session) > 0;
		if (this.enforcement != null && session.getProperty("mail.smtp.localhost") == null) {
			// Angus would look the name up again for every connection.
			setLocalHost(this.enforcement.localHostName().get());
		}
	}

	/**
	 * Make this transport known to the session, so that the session's
	 * {@code mail.smtp.class} and {@code mail.smtps.class} resolve to it: a session only
	 * honours those for registered providers. Registering it with a session leaves every
	 * other session of the application as it is.
	 * @param session the session whose properties carry a {@link TransportEnforcement}
	 * @return the session
	 */
	public static Session registerWith(Session session) {
		session.addProvider(SMTP);
		session.addProvider(SMTPS);
		return session;
	}

	/**
	 * Return what the current or last connection established so far.
	 * @return the facts
	 */
	public synchronized ConnectionFacts facts() {
		TlsHandshake negotiated = negotiatedHandshake();
		TransportSecurity security;
		if (negotiated != null) {
			security = this.startTlsIssued ? TransportSecurity.STARTTLS : TransportSecurity.IMPLICIT;
		}
		else {
			// Without TLS: what the policy demanded, or plaintext where the mode allows
			// it.
			security = mode().requiresTls() ? TransportSecurity.of(mode()) : TransportSecurity.NONE;
		}
		return new ConnectionFacts(this.host, this.port, security, this.startTlsAdvertised, negotiated);
	}

	/**
	 * Whether the last message sent went with {@code MAIL FROM ... REQUIRETLS}.
	 * @return {@code true} if it did
	 */
	public synchronized boolean lastMessageRequiredTls() {
		return this.requireTlsForMessage;
	}

	/**
	 * Whether the last connect sent {@code AUTH} and the server did not accept it: a
	 * {@code 334} error challenge (RFC 7628) or a 4xx/5xx reply.
	 * @return whether the server rejected the credentials
	 */
	public synchronized boolean credentialsRejected() {
		int code = getLastReturnCode();
		return this.authCommandSent && (code == 334 || code >= 400);
	}

	private @Nullable TlsHandshake negotiatedHandshake() {
		HandshakeCapture current = this.capture;
		return (current != null) ? current.handshake() : this.handshake;
	}

	private TransportEnforcement enforcement() throws MessagingException {
		if (this.enforcement == null) {
			throw new MessagingException("This transport enforces a mail-tls TLS policy, and its session has none: "
					+ "send through the TlsEnforcingMailSender or its getSession()");
		}
		return this.enforcement;
	}

	private TlsMode mode() {
		return (this.enforcement != null) ? this.enforcement.policy().mode() : TlsMode.STARTTLS;
	}

	@Override
	protected synchronized boolean protocolConnect(String host, int port, @Nullable String user,
			@Nullable String password) throws MessagingException {
		TransportEnforcement enforcement = enforcement();
		this.host = (host != null && !host.isEmpty()) ? host : "localhost";
		this.port = (port != -1) ? port : defaultPort(enforcement.policy());
		this.hasCredentials = user != null && password != null;
		this.authCommandSent = false;
		this.greeted = false;
		this.startTlsAdvertised = false;
		this.startTlsIssued = false;
		this.handshake = null;
		this.requireTlsForMessage = false;
		this.cork = null;
		this.pipeline.reset();
		try (HandshakeCapture capture = HandshakeCapture.open()) {
			this.capture = capture;
			try {
				return super.protocolConnect(this.host, this.port, user, password);
			}
			catch (MessagingException ex) {
				throw ConnectionFailureExplainer.explain(ex, connectState(), getLastReturnCode(),
						getLastServerResponse());
			}
			finally {
				this.handshake = capture.handshake();
				this.socket = capture.socket();
				this.cork = capture.cork();
				this.capture = null;
			}
		}
	}

	private int defaultPort(TlsPolicy policy) {
		String configured = this.session.getProperty("mail.smtp.port");
		if (configured != null) {
			return Integer.parseInt(configured.trim());
		}
		return (policy.mode() == TlsMode.IMPLICIT) ? TlsMode.IMPLICIT_TLS_PORT : 25;
	}

	private ConnectionFailureExplainer.ConnectState connectState() {
		return new ConnectionFailureExplainer.ConnectState(this.host, this.port, mode(), this.greeted,
				this.startTlsIssued, negotiatedHandshake() != null);
	}

	@Override
	protected boolean ehlo(String domain) throws MessagingException {
		boolean afterStartTls = this.startTlsIssued;
		this.greeted = true;
		boolean extended = super.ehlo(domain);
		if (afterStartTls) {
			if (!extended) {
				// Angus would keep the extensions the server announced before TLS.
				throw refuse(RefusalReason.STARTTLS_FAILED,
						("the server answered EHLO after STARTTLS with '%s'. What it announced before TLS cannot be "
								+ "trusted (RFC 3207), so nothing was sent. Check the server's TLS set-up.")
							.formatted(String.valueOf(getLastServerResponse()).trim()));
			}
		}
		else if (!isSSL()) {
			checkPlaintextSession(extended && supportsExtension("STARTTLS"));
		}
		if (isSSL() && this.tokenAuthentication && this.hasCredentials
				&& !supportsAuthentication(TokenAuthenticationPolicy.MECHANISM)) {
			throw TokenAuthenticationPolicy.notOffered(getExtensionParameter("AUTH"));
		}
		return extended;
	}

	private void checkPlaintextSession(boolean startTlsOffered) throws MessagingException {
		TransportEnforcement enforcement = enforcement();
		this.startTlsAdvertised = startTlsOffered;
		TlsMode mode = enforcement.policy().mode();
		String location = this.host + ":" + this.port;
		// One key for every spelling of the host, so that case or a trailing dot cannot
		// evade the memory.
		ServerKey server = ServerKey.of(this.host, this.port);
		if (startTlsOffered) {
			enforcement.startTlsMemory().rememberOffered(server);
		}
		else if (mode != TlsMode.NONE && enforcement.startTlsMemory().offeredBefore(server)) {
			logger.warn(("Possible STARTTLS downgrade attack: %s advertised STARTTLS before and does not now; "
					+ "refusing to send")
				.formatted(location));
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
		if (staysPlaintext && this.hasCredentials && !enforcement.policy().allowPlaintextAuth() && offersAuth()) {
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
		this.startTlsIssued = true;
		super.startTLS();
	}

	@Override
	public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
		this.currentMessage = message;
		this.currentRecipients = addresses;
		this.requireTlsForMessage = false;
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		ClassLoader writing = writingLoader(original);
		if (writing != original) {
			thread.setContextClassLoader(writing);
		}
		try {
			super.sendMessage(message, addresses);
		}
		finally {
			if (writing != original) {
				thread.setContextClassLoader(original);
			}
			this.currentMessage = null;
			this.currentRecipients = null;
		}
	}

	private @Nullable ClassLoader writingLoader(@Nullable ClassLoader original) {
		if (original != this.writingLoaderFor || this.writingLoader == null) {
			this.writingLoaderFor = original;
			this.writingLoader = StreamProviderLookup.loaderFor(original);
		}
		return this.writingLoader;
	}

	@Override
	protected void mailFrom() throws MessagingException {
		this.requireTlsForMessage = enforcement().policy().requireTlsExtension()
				&& !optsOutOfRequireTls(this.currentMessage);
		if (this.requireTlsForMessage && !(isSSL() && supportsExtension("REQUIRETLS"))) {
			this.requireTlsForMessage = false;
			throw refuse(RefusalReason.REQUIRETLS_NOT_OFFERED, ("the server does not advertise REQUIRETLS (RFC 8689) "
					+ "after TLS, so it cannot promise TLS on later hops; the message was not sent. Use a server that "
					+ "supports REQUIRETLS, set mail.tls.require-tls-extension=false, or add the header "
					+ "'TLS-Required: No' to messages that may travel without it."));
		}
		planPipeline();
		try {
			super.mailFrom();
		}
		finally {
			this.pipeline.cancelPlan();
		}
	}

	private void planPipeline() {
		Address[] recipients = this.currentRecipients;
		TransportEnforcement enforcement = this.enforcement;
		// Only over TLS: the extensions are then those of the EHLO sent under TLS, and
		// the cork is that of the TLS layer. Nothing before or across STARTTLS.
		if (recipients == null || enforcement == null || this.cork == null || !enforcement.pipelining() || !isSSL()
				|| !supportsExtension("PIPELINING") || (this.chunkingConfigured && supportsExtension("CHUNKING"))) {
			return;
		}
		List<String> following = SmtpPipeline.followingCommands(recipients, dsnNotify());
		if (following != null) {
			this.pipeline.plan(following);
		}
	}

	private @Nullable String dsnNotify() {
		// As Angus' rcptTo(): the message's value, else the session's, and only with DSN.
		if (!supportsExtension("DSN")) {
			return null;
		}
		String notify = (this.currentMessage instanceof SMTPMessage smtpMessage)
				? SmtpPipeline.dsnNotify(smtpMessage.getNotifyOptions()) : null;
		return (notify != null) ? notify : this.session.getProperty("mail.smtp.dsn.notify");
	}

	private static int chunkSize(Session session) {
		String chunkSize = session.getProperty("mail.smtp.chunksize");
		try {
			return (chunkSize != null) ? Integer.parseInt(chunkSize.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
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
		String wire = (this.requireTlsForMessage && "MAIL".equals(verb)) ? command + " REQUIRETLS" : command;
		if (this.pipeline.writtenAhead(wire)) {
			return;
		}
		if (this.pipeline.owesReplies()) {
			this.pipeline.drain(this::readServerResponse);
		}
		if (this.pipeline.awaitingContent()) {
			// Angus closes the connection on this IOException: the message stays unsent,
			// and no command can follow, since the server would take it as content.
			throw new MessagingException(
					"The server accepted the pipelined DATA of a message that is not sent; closing the connection",
					new IOException("server awaits message content"));
		}
		WriteCork cork = this.cork;
		if (cork != null && this.pipeline.startsFlight(wire)) {
			this.pipeline.writeFlight(cork, super::sendCommand, wire);
			return;
		}
		super.sendCommand(wire);
	}

	@Override
	protected int readServerResponse() throws MessagingException {
		int code = super.readServerResponse();
		this.pipeline.replyRead(code);
		return code;
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
		TlsPolicy policy = enforcement().policy();
		if (policy.mode().requiresTls()) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED,
					"'%s' would have been sent without TLS. Nothing was sent.".formatted(verb));
		}
		if ("AUTH".equals(verb) && this.tokenAuthentication) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED,
					"an OAuth2 access token would have been sent without TLS. Nothing was sent.");
		}
		if ("AUTH".equals(verb) && !policy.allowPlaintextAuth()) {
			throw refuse(RefusalReason.PLAINTEXT_REFUSED, "credentials would have been sent without TLS. "
					+ "Set mail.tls.allow-plaintext-auth=true only if you accept that risk.");
		}
	}

	private MessagingException refuse(RefusalReason reason, String detail) throws MessagingException {
		return ExplainedConnectionFailure.of(enforcement().refusal(reason, this.host, this.port, detail));
	}

	/**
	 * Bound the wait for the reply to the {@code RSET} that Angus sends by itself after a
	 * failed {@code MAIL FROM}, {@code RCPT TO} or end of data, which otherwise waits a
	 * whole read timeout (and then a {@code QUIT} as long) on a server that stopped
	 * answering. A reset that gets no reply in time closes the connection.
	 * @param timeout the longest wait, or {@code null} for the read timeout
	 */
	public synchronized void setResetTimeout(@Nullable Duration timeout) {
		this.resetTimeout = timeout;
	}

	@Override
	public synchronized void issueCommand(String command, int expect) throws MessagingException {
		Duration timeout = this.resetTimeout;
		Socket current = this.socket;
		if (timeout == null || current == null || !"RSET".equals(command)) {
			super.issueCommand(command, expect);
			return;
		}
		BoundedSocketWaits.reset(current, timeout, () -> super.issueCommand(command, expect));
	}

	@Override
	public boolean validate(Duration timeout) {
		return BoundedSocketWaits.validate(this, this.socket, timeout);
	}

	@Override
	public void close(Duration timeout) {
		BoundedSocketWaits.close(this, this.socket, timeout);
	}

	@Override
	public void abort() {
		BoundedSocketWaits.abort(this.socket);
	}

	private static String verbOf(String command) {
		int space = command.indexOf(' ');
		return ((space < 0) ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
	}

}
