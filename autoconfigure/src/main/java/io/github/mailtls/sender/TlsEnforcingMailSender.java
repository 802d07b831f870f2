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
package io.github.mailtls.sender;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.oauth2.AccessTokens;
import io.github.mailtls.observation.MailTlsSendContext;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.pool.PoolSettings;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.smtp.ConnectionFacts;
import io.github.mailtls.smtp.EnforcingSmtpTransport;
import io.github.mailtls.smtp.LocalHostName;
import io.github.mailtls.smtp.RawPropertiesCheck;
import io.github.mailtls.smtp.SmtpSessionProperties;
import io.github.mailtls.smtp.StartTlsMemory;
import io.github.mailtls.smtp.TokenAuthenticationPolicy;
import io.github.mailtls.smtp.TransportEnforcement;

/**
 * A {@link JavaMailSenderImpl} that sends only over connections that meet its
 * {@link TlsPolicy}, verifies the negotiated TLS session before anything but EHLO is
 * sent, and reports every connection use's TLS facts to {@link TlsSendListener
 * listeners}. Refusals are {@link MailSendException MailSendExceptions} listing every
 * unsent message, with a {@link MailTlsPolicyException} in their cause chain.
 * <p>
 * The sender's {@link #getSession() session} is built from the policy and cannot be
 * changed afterwards: its properties are read-only, and every transport it creates
 * &mdash; through this sender, {@code getSession().getTransport()} or
 * {@code Transport.send(message)} &mdash; is an {@link EnforcingSmtpTransport}.
 *
 * @since 0.1.0
 */
public class TlsEnforcingMailSender extends JavaMailSenderImpl implements DisposableBean {

	private final TlsPolicy policy;

	private final SSLContext sslContext;

	private final SendRecorder recorder;

	private final ScheduledThreadPoolExecutor writeTimeoutExecutor = SenderThreads.writeTimeoutExecutor();

	private final LocalHostName localHostName = new LocalHostName();

	private final Properties enforcedTemplate;

	private Properties rawProperties = new Properties();

	private volatile StartTlsMemory startTlsMemory = new StartTlsMemory(null);

	private volatile Connections connections;

	private @Nullable Session session;

	private volatile @Nullable TokenAuthentication tokenAuthentication;

	private boolean pipelining = true;

	/**
	 * Create a sender for the given policy.
	 * @param policy the validated policy
	 * @param sslContext the SSL context whose trust managers have been wrapped by
	 * {@link io.github.mailtls.tls.PolicySslContextFactory}
	 * @param listeners the listeners that receive the record of every connection use
	 */
	public TlsEnforcingMailSender(TlsPolicy policy, SSLContext sslContext, List<TlsSendListener> listeners) {
		this(policy, sslContext, constant(List.copyOf(listeners)));
	}

	/**
	 * Create a sender for the given policy whose listeners are resolved at the first send
	 * and kept from then on, so that building the sender creates none of them (an
	 * {@code ObjectProvider}'s {@code orderedStream()}, for example).
	 * @param policy the validated policy
	 * @param sslContext the SSL context whose trust managers have been wrapped by
	 * {@link io.github.mailtls.tls.PolicySslContextFactory}
	 * @param listeners supplies the listeners that receive the record of every connection
	 * use; called once, at the first send
	 */
	public TlsEnforcingMailSender(TlsPolicy policy, SSLContext sslContext,
			Supplier<? extends List<? extends TlsSendListener>> listeners) {
		this.policy = policy;
		this.sslContext = sslContext;
		this.recorder = new SendRecorder(listeners);
		this.enforcedTemplate = SmtpSessionProperties.of(enforcement(), sslContext, this.writeTimeoutExecutor);
		this.connections = directConnections();
	}

	/**
	 * Return the policy this sender enforces.
	 * @return the policy
	 */
	public TlsPolicy getPolicy() {
		return this.policy;
	}

	/**
	 * Set raw Jakarta Mail properties. Keys that would weaken the policy are rejected;
	 * the policy's own settings always win.
	 * @param javaMailProperties the raw properties
	 * @throws io.github.mailtls.policy.MailTlsConfigurationException if a key would
	 * weaken the policy
	 */
	@Override
	public synchronized void setJavaMailProperties(Properties javaMailProperties) {
		RawPropertiesCheck.check(javaMailProperties, this.enforcedTemplate, this.policy.mode());
		Properties raw = new Properties();
		raw.putAll(javaMailProperties);
		this.rawProperties = raw;
		this.session = null;
	}

	/**
	 * Return the properties of the sender's session. They are read-only: a change could
	 * weaken the policy, so every attempt throws {@link UnsupportedOperationException}.
	 * @return the session's properties
	 */
	@Override
	public Properties getJavaMailProperties() {
		return getSession().getProperties();
	}

	/**
	 * Not supported: the session must be built from the policy.
	 * @param session ignored
	 */
	@Override
	public void setSession(Session session) {
		throw new UnsupportedOperationException(
				"A TLS-enforcing sender builds its own session from the policy; use setJavaMailProperties");
	}

	@Override
	public synchronized Session getSession() {
		Session current = this.session;
		if (current == null) {
			Properties properties = new Properties();
			properties.putAll(this.rawProperties);
			properties.putAll(SmtpSessionProperties.of(enforcement(), this.sslContext, this.writeTimeoutExecutor));
			if (this.tokenAuthentication != null) {
				properties.putAll(TokenAuthenticationPolicy.sessionProperties());
			}
			// Transports the session creates on its own connect to the configured server.
			properties.put("mail.smtp.host", host());
			properties.put("mail.smtp.port", String.valueOf(port()));
			current = EnforcingSmtpTransport.registerWith(Session.getInstance(new ReadOnlyProperties(properties)));
			this.session = current;
		}
		return current;
	}

	@Override
	public synchronized void setHost(@Nullable String host) {
		super.setHost(host);
		this.session = null;
	}

	@Override
	public synchronized void setPort(int port) {
		super.setPort(port);
		this.session = null;
	}

	private TransportEnforcement enforcement() {
		return new TransportEnforcement(this.policy, this.startTlsMemory, this.localHostName, this.pipelining);
	}

	/**
	 * Set the registry in which every send is observed as {@code mail.send}.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.recorder.setObservationRegistry(observationRegistry);
	}

	/**
	 * Set a convention that replaces the default {@code mail.send} convention.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable MailTlsSendObservationConvention observationConvention) {
		this.recorder.setObservationConvention(observationConvention);
	}

	/**
	 * Keep the memory of which servers offered STARTTLS in the given file as well, so
	 * that downgrade detection survives restarts.
	 * @param file the file, created when missing, or {@code null} to keep it in memory
	 * only
	 */
	public synchronized void setStartTlsMemoryFile(@Nullable Path file) {
		this.startTlsMemory = new StartTlsMemory(file);
		this.session = null;
	}

	/**
	 * Whether to pipeline MAIL FROM, RCPT TO and DATA (RFC 2920) once TLS is established
	 * and the server advertised PIPELINING under TLS. Connections opened later follow the
	 * new setting.
	 * @param pipelining whether to pipeline
	 */
	public synchronized void setPipelining(boolean pipelining) {
		this.pipelining = pipelining;
		this.session = null;
	}

	/**
	 * Reuse verified connections across sends within the given limits, or open one
	 * connection per send when {@code null}.
	 * @param settings the pool limits, or {@code null} to disable pooling
	 */
	public void setPoolSettings(@Nullable PoolSettings settings) {
		Connections previous = this.connections;
		this.connections = (settings != null) ? new PooledConnections(settings, this::connectNew) : directConnections();
		previous.close();
	}

	// Without a pool there is no validation timeout property; the check after a failed
	// message still waits no longer than a pool's default check would.
	private Connections directConnections() {
		return new DirectConnections(this::connectNew,
				PoolSettings.defaultValidationTimeout(this.policy.readTimeout()));
	}

	/**
	 * Authenticate every physical connection with an OAuth2 access token from the given
	 * source instead of {@link #getPassword() the password}: {@code AUTH XOAUTH2} only,
	 * after TLS only, in every mode.
	 * @param accessTokens the source of tokens, or {@code null} to use the password
	 */
	public synchronized void setAccessTokens(@Nullable AccessTokens accessTokens) {
		this.tokenAuthentication = (accessTokens != null) ? new TokenAuthentication(accessTokens) : null;
		this.session = null;
	}

	/**
	 * Connect, negotiate TLS under the policy and send EHLO, then disconnect: no
	 * authentication and no message. Used by health checks and startup verification.
	 * @return what was negotiated, or why the policy refused the server
	 */
	public TlsProbeResult probe() {
		return TlsProbe.probe(getSession(), host(), port(), this.policy);
	}

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
		if (mimeMessages.length == 0) {
			return;
		}
		MailTlsSendContext context = new MailTlsSendContext(host(), port(), mimeMessages.length,
				TransportSecurity.of(this.policy.mode()));
		ConnectionFacts demanded = new ConnectionFacts(host(), port(), TransportSecurity.of(this.policy.mode()), false,
				null);
		this.recorder.observe(context,
				(records, closeFailed) -> new SendCall(this.connections, demanded, records, closeFailed), mimeMessages,
				originalMessages);
	}

	/**
	 * Open a new connection for {@link #testConnection()}; sends never use it.
	 */
	@Override
	protected Transport connectTransport() throws MessagingException {
		try {
			return connectNew();
		}
		catch (ConnectFailure ex) {
			throw ex.failure();
		}
	}

	@Override
	protected Transport getTransport(Session session) {
		return new EnforcingSmtpTransport(getSession(), null);
	}

	// The one place a physical connection is opened and authenticated.
	private EnforcingSmtpTransport connectNew() throws ConnectFailure {
		TokenAuthentication tokenAuthentication = this.tokenAuthentication;
		if (tokenAuthentication != null) {
			// A token per physical connection, not per message over a pooled one.
			return tokenAuthentication.connect(() -> new EnforcingSmtpTransport(getSession(), null), host(), port(),
					getUsername());
		}
		EnforcingSmtpTransport transport = new EnforcingSmtpTransport(getSession(), null);
		String username = getUsername();
		String password = getPassword();
		if ("".equals(username)) {
			username = null;
			if ("".equals(password)) {
				password = null;
			}
		}
		try {
			transport.connect(host(), port(), username, password);
			return transport;
		}
		catch (MessagingException ex) {
			throw new ConnectFailure(transport.facts(), ex);
		}
	}

	private String host() {
		String host = getHost();
		return (host != null) ? host : "localhost";
	}

	private int port() {
		if (getPort() != DEFAULT_PORT) {
			return getPort();
		}
		return (this.policy.mode() == TlsMode.IMPLICIT) ? TlsMode.IMPLICIT_TLS_PORT : 25;
	}

	/**
	 * Close pooled connections and stop the sender's threads.
	 */
	@Override
	public void destroy() {
		this.connections.close();
		this.writeTimeoutExecutor.shutdownNow();
	}

	private static Supplier<List<TlsSendListener>> constant(List<TlsSendListener> listeners) {
		return () -> listeners;
	}

}
