package io.github.mailtls.sender;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import javax.net.ssl.SSLContext;

import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.oauth2.AccessTokens;
import io.github.mailtls.observation.MailTlsSendContext;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.pool.PoolSettings;
import io.github.mailtls.pool.PooledConnection;
import io.github.mailtls.pool.TransportPool.OpenedConnection;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TransportSecurity;

/**
 * A {@link JavaMailSenderImpl} that sends only over connections that meet its
 * {@link TlsPolicy}, verifies the negotiated TLS session before anything but EHLO is
 * sent, and reports every send's TLS facts to {@link TlsSendListener listeners}. Refusals
 * are {@link MailSendException MailSendExceptions} listing every unsent message, with a
 * {@link MailTlsPolicyException} in their cause chain.
 *
 * @author mail-tls
 */
public class TlsEnforcingMailSender extends JavaMailSenderImpl implements DisposableBean {

	private final TlsPolicy policy;

	private final Properties enforcedProperties;

	private final SendRecorder recorder;

	private final TlsProbe probe;

	private final ThreadLocal<ConnectionAttempt> currentAttempt = new ThreadLocal<>();

	private volatile StartTlsMemory startTlsMemory = new StartTlsMemory(null);

	private final ScheduledThreadPoolExecutor writeTimeoutExecutor = SenderThreads.writeTimeoutExecutor();

	private final LocalHostName localHostName = new LocalHostName();

	private volatile @Nullable PooledConnections pooledConnections;

	private volatile @Nullable TokenAuthentication tokenAuthentication;

	/**
	 * Create a sender for the given policy.
	 * @param policy the validated policy
	 * @param sslContext the SSL context whose trust managers have been wrapped by
	 * {@link PolicySslContextFactory}
	 * @param listeners the listeners that receive every send's record
	 */
	public TlsEnforcingMailSender(TlsPolicy policy, SSLContext sslContext, List<TlsSendListener> listeners) {
		this.policy = policy;
		this.enforcedProperties = EnforcedSessionProperties.of(policy, sslContext, this.writeTimeoutExecutor);
		this.recorder = new SendRecorder(listeners);
		this.probe = new TlsProbe(policy, this::newTransport);
		setJavaMailProperties(new Properties());
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
	public void setJavaMailProperties(Properties javaMailProperties) {
		RawPropertiesCheck.check(javaMailProperties, this.enforcedProperties, this.policy.mode());
		Properties merged = new Properties();
		merged.putAll(javaMailProperties);
		merged.putAll(this.enforcedProperties);
		super.setJavaMailProperties(merged);
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
	public void setStartTlsMemoryFile(@Nullable Path file) {
		this.startTlsMemory = new StartTlsMemory(file);
	}

	/**
	 * Reuse verified connections across sends within the given limits, or open one
	 * connection per send when {@code null}.
	 * @param settings the pool limits, or {@code null} to disable pooling
	 */
	public void setPoolSettings(@Nullable PoolSettings settings) {
		closePool();
		if (settings != null) {
			this.pooledConnections = new PooledConnections(settings);
		}
	}

	/**
	 * Authenticate every physical connection with an OAuth2 access token from the given
	 * source ({@code AUTH XOAUTH2} only, after TLS only, in every mode) instead of
	 * {@link #getPassword() the password}.
	 * @param accessTokens the source of tokens, or {@code null} to use the password
	 */
	public void setAccessTokens(@Nullable AccessTokens accessTokens) {
		this.tokenAuthentication = (accessTokens != null) ? new TokenAuthentication(accessTokens) : null;
		if (accessTokens != null) {
			Properties tokenProperties = TokenAuthentication.sessionProperties();
			this.enforcedProperties.putAll(tokenProperties);
			// The live properties: a session built already sees them too.
			getJavaMailProperties().putAll(tokenProperties);
		}
	}

	/**
	 * Connect, negotiate TLS under the policy and send EHLO, then disconnect: no
	 * authentication and no message. Used by health checks and startup verification.
	 * @return what was negotiated, or why the policy refused the server
	 */
	public TlsProbeResult probe() {
		return this.probe.probe(getJavaMailProperties(), host(), getPort());
	}

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
		MailTlsSendContext context = new MailTlsSendContext(host(), getPort(), mimeMessages.length,
				TransportSecurity.of(this.policy.mode()));
		try {
			this.recorder.record(context, () -> doSendExplained(mimeMessages, originalMessages),
					this.currentAttempt::get);
		}
		finally {
			this.currentAttempt.remove();
		}
	}

	private void doSendExplained(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
		try {
			super.doSend(mimeMessages, originalMessages);
		}
		catch (MailAuthenticationException ex) {
			// Spring's message is only "Authentication failed": keep the explanation.
			throw (this.tokenAuthentication != null) ? TokenAuthentication.explain(ex) : ex;
		}
	}

	@Override
	protected Transport connectTransport() throws MessagingException {
		PooledConnections pooledConnections = this.pooledConnections;
		if (pooledConnections == null) {
			return openConnection();
		}
		PooledConnection<ConnectionAttempt> connection = pooledConnections.pool().borrow(this::openPooledConnection);
		connection.details().reused(connection.isReused());
		this.currentAttempt.set(connection.details());
		return new PooledTransportHandle(getSession(), connection, pooledConnections.pool());
	}

	private OpenedConnection<ConnectionAttempt> openPooledConnection() throws MessagingException {
		Transport transport = openConnection();
		return new OpenedConnection<>(transport, this.currentAttempt.get());
	}

	// The one place a physical connection is opened and authenticated.
	private Transport openConnection() throws MessagingException {
		TokenAuthentication tokenAuthentication = this.tokenAuthentication;
		if (tokenAuthentication == null) {
			return super.connectTransport();
		}
		return tokenAuthentication.connect(() -> getTransport(getSession()), host(), getPort(), getUsername());
	}

	@Override
	protected Transport getTransport(Session session) {
		ConnectionAttempt attempt = new ConnectionAttempt(host(), getPort(), this.policy.mode());
		this.currentAttempt.set(attempt);
		return newTransport(session, attempt);
	}

	private EnforcingSmtpTransport newTransport(Session session, ConnectionAttempt attempt) {
		EnforcingSmtpTransport transport = new EnforcingSmtpTransport(session, attempt, this.policy,
				this.startTlsMemory);
		if (this.tokenAuthentication != null) {
			transport.useTokenAuthentication();
		}
		if (session.getProperty("mail.smtp.localhost") == null) {
			// Angus would look the name up again for every connection.
			transport.setLocalHost(this.localHostName.get());
		}
		return transport;
	}

	private String host() {
		return (getHost() != null) ? getHost() : "localhost";
	}

	/**
	 * Close pooled connections and stop the sender's threads.
	 */
	@Override
	public void destroy() {
		closePool();
		this.writeTimeoutExecutor.shutdownNow();
	}

	private void closePool() {
		PooledConnections pooledConnections = this.pooledConnections;
		this.pooledConnections = null;
		if (pooledConnections != null) {
			pooledConnections.close();
		}
	}

}
