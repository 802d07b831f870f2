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

import java.net.Socket;
import java.time.Duration;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Provider;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.pool.PoolableTransport;
import io.github.mailtls.tls.HandshakeCapture;

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

	private static final Provider SMTP = new Provider(Provider.Type.TRANSPORT, "smtp",
			EnforcingSmtpTransport.class.getName(), "mail-tls", null);

	private static final Provider SMTPS = new Provider(Provider.Type.TRANSPORT, "smtps",
			EnforcingSmtpTransport.class.getName(), "mail-tls", null);

	private final @Nullable TransportEnforcement enforcement;

	private final AuthenticationAttempt authentication;

	private final MessagePlan message;

	private final StreamProviderLookup.WritingLoader writingLoader = new StreamProviderLookup.WritingLoader();

	private final ConnectionProgress connection = new ConnectionProgress();

	private final SmtpPipeline pipeline = new SmtpPipeline(super::sendCommand, this::readServerResponse);

	private @Nullable Duration resetTimeout;

	/**
	 * Create a transport for the given session, as the session's provider registry does.
	 * @param session the session, whose properties carry the {@link TransportEnforcement}
	 * @param urlName the URL name of the transport
	 */
	public EnforcingSmtpTransport(Session session, @Nullable URLName urlName) {
		super(session, (urlName != null) ? urlName : new URLName("smtp", null, -1, null, null, null));
		Object enforcement = session.getProperties().get(TransportEnforcement.PROPERTY);
		this.enforcement = (enforcement instanceof TransportEnforcement value) ? value : null;
		this.authentication = new AuthenticationAttempt(TokenAuthenticationPolicy.appliesTo(session));
		this.message = new MessagePlan(session, this.enforcement != null && this.enforcement.pipelining());
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
		return this.connection.facts(mode());
	}

	/**
	 * Whether the last message sent went with {@code MAIL FROM ... REQUIRETLS}.
	 * @return {@code true} if it did
	 */
	public synchronized boolean lastMessageRequiredTls() {
		return this.message.requireTls();
	}

	/**
	 * Whether the server answered nothing for the last message, or answered its
	 * {@code MAIL FROM} with 421 (closing the connection): then it accepted nothing of
	 * it, and the message can go over another connection without being delivered twice.
	 * @return {@code true} if the server answered nothing of the last message
	 */
	public synchronized boolean lastMessageUnanswered() {
		return this.message.unanswered();
	}

	/**
	 * Whether the last connect sent {@code AUTH} and the server did not accept it: a
	 * {@code 334} error challenge (RFC 7628) or a 4xx/5xx reply.
	 * @return whether the server rejected the credentials
	 */
	public synchronized boolean credentialsRejected() {
		return this.authentication.rejected(getLastReturnCode());
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
		String target = (host != null && !host.isEmpty()) ? host : "localhost";
		this.connection.connecting(target, (port != -1) ? port : defaultPort(enforcement.policy()));
		this.authentication.connecting(user != null && password != null);
		this.message.reset();
		this.pipeline.reset();
		try (HandshakeCapture capture = HandshakeCapture.open()) {
			this.connection.capturing(capture);
			try {
				return super.protocolConnect(target, this.connection.port(), user, password);
			}
			catch (MessagingException ex) {
				throw ConnectionFailureExplainer.explain(ex, this.connection.connectState(mode()), getLastReturnCode(),
						getLastServerResponse());
			}
			finally {
				this.connection.captured(capture);
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

	@Override
	protected boolean ehlo(String domain) throws MessagingException {
		boolean afterStartTls = this.connection.startTlsIssued();
		this.connection.greetingRead();
		boolean extended = super.ehlo(domain);
		if (afterStartTls) {
			if (!extended) {
				// Angus would keep the extensions the server announced before TLS.
				throw refuse(new Refusal(RefusalReason.STARTTLS_FAILED,
						("the server answered EHLO after STARTTLS with '%s'. What it announced before TLS cannot be "
								+ "trusted (RFC 3207), so nothing was sent. Check the server's TLS set-up.")
							.formatted(String.valueOf(getLastServerResponse()).trim())));
			}
		}
		else if (!isSSL()) {
			checkPlaintextEhlo(extended);
		}
		if (isSSL() && this.authentication.sendsToken()
				&& !supportsAuthentication(TokenAuthenticationPolicy.MECHANISM)) {
			throw TokenAuthenticationPolicy.notOffered(getExtensionParameter("AUTH"));
		}
		return extended;
	}

	private void checkPlaintextEhlo(boolean extended) throws MessagingException {
		TransportEnforcement enforcement = enforcement();
		PlaintextEhlo reply = PlaintextEhlo.of(this, this.connection.host(), this.connection.port(), extended);
		this.connection.startTlsAdvertised(reply.startTlsOffered());
		throwIfRefused(reply.check(enforcement, this.authentication));
	}

	@Override
	protected void startTLS() throws MessagingException {
		this.connection.issuingStartTls();
		super.startTLS();
	}

	@Override
	public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
		this.message.begin(message, addresses);
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		ClassLoader writing = this.writingLoader.forContext(original);
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
			this.message.end();
		}
	}

	@Override
	protected void mailFrom() throws MessagingException {
		throwIfRefused(this.message.decideRequireTls(enforcement().policy(), this));
		List<String> following = this.message.pipelinedAfterMailFrom(this, this.connection.cork() != null);
		if (following != null) {
			this.pipeline.plan(following);
		}
		try {
			super.mailFrom();
		}
		finally {
			this.pipeline.cancelPlan();
		}
	}

	@Override
	protected void sendCommand(String command) throws MessagingException {
		String verb = CommandGuard.verbOf(command);
		checkAllowed(verb);
		this.authentication.commandSent(verb);
		String wire = this.message.onTheWire(command, verb);
		if (!this.pipeline.sent(wire, this.connection.cork())) {
			super.sendCommand(wire);
		}
	}

	@Override
	protected int readServerResponse() throws MessagingException {
		int code = super.readServerResponse();
		this.message.replyRead(code);
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
		if (!isSSL() && !CommandGuard.allowedBeforeTls(verb)) {
			throwIfRefused(
					CommandGuard.refusalBeforeTls(verb, enforcement().policy(), this.authentication.withToken()));
		}
	}

	private void throwIfRefused(@Nullable Refusal refusal) throws MessagingException {
		if (refusal != null) {
			throw refuse(refusal);
		}
	}

	private MessagingException refuse(Refusal refusal) throws MessagingException {
		return ExplainedConnectionFailure.of(enforcement().refusal(refusal.reason(), this.connection.host(),
				this.connection.port(), refusal.detail()));
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
		Socket current = this.connection.socket();
		if (timeout == null || current == null || !"RSET".equals(command)) {
			super.issueCommand(command, expect);
			return;
		}
		BoundedSocketWaits.reset(current, timeout, () -> super.issueCommand(command, expect));
	}

	@Override
	public boolean validate(Duration timeout) {
		return BoundedSocketWaits.validate(this, this.connection.socket(), timeout);
	}

	@Override
	public void close(Duration timeout) {
		BoundedSocketWaits.close(this, this.connection.socket(), timeout);
	}

	@Override
	public void abort() {
		BoundedSocketWaits.abort(this.connection.socket());
	}

}
