package io.github.mailtls.sender;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.observation.DefaultMailTlsSendObservationConvention;
import io.github.mailtls.observation.MailTlsObservationDocumentation;
import io.github.mailtls.observation.MailTlsSendContext;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.pool.PoolSettings;
import io.github.mailtls.pool.PooledConnection;
import io.github.mailtls.pool.TransportPool;
import io.github.mailtls.pool.TransportPool.OpenedConnection;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;

/**
 * A {@link JavaMailSenderImpl} that sends only over connections that meet its
 * {@link TlsPolicy}, verifies the negotiated TLS session before anything but EHLO is
 * sent, and reports every send's TLS facts to {@link TlsSendListener listeners}.
 * Refusals are {@link MailSendException MailSendExceptions} listing every unsent message,
 * with a {@link MailTlsPolicyException} in their cause chain.
 *
 * @author mail-tls
 */
public class TlsEnforcingMailSender extends JavaMailSenderImpl implements DisposableBean {

	private static final Log logger = LogFactory.getLog(TlsEnforcingMailSender.class);

	private static final MailTlsSendObservationConvention DEFAULT_CONVENTION = new DefaultMailTlsSendObservationConvention();

	private final TlsPolicy policy;

	private final Properties enforcedProperties;

	private final List<TlsSendListener> listeners;

	private final ThreadLocal<ConnectionAttempt> currentAttempt = new ThreadLocal<>();

	private final StartTlsMemory startTlsMemory = new StartTlsMemory();

	private final ScheduledThreadPoolExecutor writeTimeoutExecutor = writeTimeoutExecutor();

	private final LocalHostName localHostName = new LocalHostName();

	private volatile @Nullable TransportPool<ConnectionAttempt> pool;

	private @Nullable ScheduledExecutorService poolEvictor;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable MailTlsSendObservationConvention observationConvention;

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
		this.listeners = List.copyOf(listeners);
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
	 * Set raw Jakarta Mail properties. Keys that would weaken the policy are rejected; the
	 * policy's own settings always win.
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
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set a convention that replaces {@link DefaultMailTlsSendObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable MailTlsSendObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
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
		if (session.getProperty("mail.smtp.localhost") == null) {
			// Angus would look the name up again for every connection.
			transport.setLocalHost(this.localHostName.get());
		}
		return transport;
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
		if (this.poolEvictor != null) {
			this.poolEvictor.shutdownNow();
			this.poolEvictor = null;
		}
		if (this.pool != null) {
			this.pool.close();
			this.pool = null;
		}
	}

	private static ScheduledThreadPoolExecutor writeTimeoutExecutor() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
				(task) -> daemon(task, "mail-tls-write-timeout"));
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Reuse verified connections across sends within the given limits, or open one
	 * connection per send when {@code null}.
	 * @param settings the pool limits, or {@code null} to disable pooling
	 */
	public void setPoolSettings(@Nullable PoolSettings settings) {
		closePool();
		if (settings != null) {
			this.pool = new TransportPool<>(settings, System::nanoTime);
			long period = Math.max(1000, settings.idleTimeout().toMillis() / 2);
			this.poolEvictor = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "mail-tls-pool-evictor"));
			this.poolEvictor.scheduleWithFixedDelay(this.pool::evictExpired, period, period, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	protected Transport connectTransport() throws MessagingException {
		TransportPool<ConnectionAttempt> pool = this.pool;
		if (pool == null) {
			return super.connectTransport();
		}
		PooledConnection<ConnectionAttempt> connection = pool.borrow(this::openPooledConnection);
		connection.details().reused(connection.isReused());
		this.currentAttempt.set(connection.details());
		return new PooledTransportHandle(getSession(), connection, pool);
	}

	private OpenedConnection<ConnectionAttempt> openPooledConnection() throws MessagingException {
		Transport transport = super.connectTransport();
		return new OpenedConnection<>(transport, this.currentAttempt.get());
	}

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
		Instant started = Instant.now();
		long startedNanos = System.nanoTime();
		MailTlsSendContext context = new MailTlsSendContext(host(), getPort(), mimeMessages.length,
				TransportSecurity.of(this.policy.mode()));
		Observation observation = MailTlsObservationDocumentation.MAIL_SEND
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			super.doSend(mimeMessages, originalMessages);
			finish(context, SendOutcome.SUCCESS, null, started, startedNanos);
		}
		catch (MailSendException ex) {
			MailTlsPolicyException refusal = findRefusal(ex);
			finish(context, (refusal != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE,
					(refusal != null) ? refusal.getReason() : null, started, startedNanos);
			MailSendException explained = explained(ex, refusal);
			observation.error(explained);
			throw explained;
		}
		catch (MailException ex) {
			finish(context, SendOutcome.FAILURE, null, started, startedNanos);
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
			this.currentAttempt.remove();
		}
	}

	/**
	 * Connect, negotiate TLS under the policy and send EHLO, then disconnect: no
	 * authentication and no message. Used by health checks and startup verification.
	 * @return what was negotiated, or why the policy refused the server
	 */
	public TlsProbeResult probe() {
		Instant started = Instant.now();
		long startedNanos = System.nanoTime();
		ConnectionAttempt attempt = new ConnectionAttempt(host(), getPort(), this.policy.mode());
		Properties properties = new Properties();
		properties.putAll(getJavaMailProperties());
		properties.put("mail.smtp.auth", "false");
		EnforcingSmtpTransport transport = newTransport(Session.getInstance(properties), attempt);
		try {
			transport.connect(host(), getPort(), null, null);
			if (this.policy.requireTlsExtension() && !transport.supportsExtension("REQUIRETLS")) {
				return new TlsProbeResult(attempt.toRecord(SendOutcome.REFUSED, RefusalReason.REQUIRETLS_NOT_OFFERED, 0, started,
						startedNanos),
						attempt.refusal(RefusalReason.REQUIRETLS_NOT_OFFERED,
								"the server does not advertise REQUIRETLS (RFC 8689) after TLS.")
							.getMessage());
			}
			return new TlsProbeResult(attempt.toRecord(SendOutcome.SUCCESS, null, 0, started, startedNanos), null);
		}
		catch (MessagingException ex) {
			MailTlsPolicyException refusal = MailTlsPolicyException.findIn(ex);
			SendOutcome outcome = (refusal != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE;
			return new TlsProbeResult(attempt.toRecord(outcome, (refusal != null) ? refusal.getReason() : null, 0, started, startedNanos),
					ex.getMessage());
		}
		finally {
			closeQuietly(transport);
		}
	}

	private static void closeQuietly(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			// The probe has its answer; a failed QUIT changes nothing.
		}
	}

	private String host() {
		return (getHost() != null) ? getHost() : "localhost";
	}

	private void finish(MailTlsSendContext context, SendOutcome outcome, @Nullable RefusalReason reason,
			Instant started, long startedNanos) {
		ConnectionAttempt attempt = this.currentAttempt.get();
		if (attempt == null) {
			return;
		}
		TlsSendRecord record = attempt.toRecord(outcome, reason, context.getMessageCount(), started, startedNanos);
		context.setRecord(record);
		for (TlsSendListener listener : this.listeners) {
			try {
				listener.onSend(record);
			}
			catch (RuntimeException ex) {
				logger.warn("TLS send listener " + listener + " failed", ex);
			}
		}
	}

	private static @Nullable MailTlsPolicyException findRefusal(MailSendException ex) {
		MailTlsPolicyException refusal = MailTlsPolicyException.findIn(ex);
		if (refusal != null) {
			return refusal;
		}
		for (Exception failure : ex.getFailedMessages().values()) {
			refusal = MailTlsPolicyException.findIn(failure);
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	private static MailSendException explained(MailSendException ex, @Nullable MailTlsPolicyException refusal) {
		Throwable cause = ex.getCause();
		String explanation = (refusal != null) ? refusal.getMessage()
				: (cause instanceof ExplainedConnectionFailure) ? cause.getMessage() : null;
		if (explanation == null) {
			return ex;
		}
		Map<Object, Exception> failedMessages = ex.getFailedMessages();
		MailSendException explained = new MailSendException(explanation, cause, failedMessages);
		explained.setStackTrace(ex.getStackTrace());
		return explained;
	}

}
