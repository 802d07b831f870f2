package io.github.mailtls.sender;

import java.util.List;
import java.util.Map;
import java.util.Properties;

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

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.observation.DefaultMailTlsSendObservationConvention;
import io.github.mailtls.observation.MailTlsObservationDocumentation;
import io.github.mailtls.observation.MailTlsSendContext;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * A {@link JavaMailSenderImpl} that sends only over connections that meet its
 * {@link TlsPolicy}, verifies the negotiated TLS session before anything but EHLO is
 * sent, and reports every send's TLS facts to {@link TlsSendListener listeners}.
 * Refusals are {@link MailSendException MailSendExceptions} listing every unsent message,
 * with a {@link MailTlsPolicyException} in their cause chain.
 *
 * @author mail-tls
 */
public class TlsEnforcingMailSender extends JavaMailSenderImpl {

	private static final Log logger = LogFactory.getLog(TlsEnforcingMailSender.class);

	private static final MailTlsSendObservationConvention DEFAULT_CONVENTION = new DefaultMailTlsSendObservationConvention();

	private final TlsPolicy policy;

	private final Properties enforcedProperties;

	private final List<TlsSendListener> listeners;

	private final ThreadLocal<ConnectionAttempt> currentAttempt = new ThreadLocal<>();

	private final StartTlsMemory startTlsMemory = new StartTlsMemory();

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
		this.enforcedProperties = EnforcedSessionProperties.of(policy, sslContext);
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
		return new EnforcingSmtpTransport(session, attempt, this.policy, this.startTlsMemory);
	}

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
		MailTlsSendContext context = new MailTlsSendContext(host(), getPort(), mimeMessages.length);
		Observation observation = MailTlsObservationDocumentation.MAIL_SEND
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			super.doSend(mimeMessages, originalMessages);
			finish(context, SendOutcome.SUCCESS, null);
		}
		catch (MailSendException ex) {
			MailTlsPolicyException refusal = findRefusal(ex);
			finish(context, (refusal != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE,
					(refusal != null) ? refusal.getReason() : null);
			MailSendException explained = explained(ex, refusal);
			observation.error(explained);
			throw explained;
		}
		catch (MailException ex) {
			finish(context, SendOutcome.FAILURE, null);
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
		ConnectionAttempt attempt = new ConnectionAttempt(host(), getPort(), this.policy.mode());
		Properties properties = new Properties();
		properties.putAll(getJavaMailProperties());
		properties.put("mail.smtp.auth", "false");
		EnforcingSmtpTransport transport = new EnforcingSmtpTransport(Session.getInstance(properties), attempt,
				this.policy, this.startTlsMemory);
		try {
			transport.connect(host(), getPort(), null, null);
			if (this.policy.requireTlsExtension() && !transport.supportsExtension("REQUIRETLS")) {
				return new TlsProbeResult(attempt.toRecord(SendOutcome.REFUSED, RefusalReason.REQUIRETLS_NOT_OFFERED, 0),
						attempt.refusal(RefusalReason.REQUIRETLS_NOT_OFFERED,
								"the server does not advertise REQUIRETLS (RFC 8689) after TLS.")
							.getMessage());
			}
			return new TlsProbeResult(attempt.toRecord(SendOutcome.SUCCESS, null, 0), null);
		}
		catch (MessagingException ex) {
			MailTlsPolicyException refusal = MailTlsPolicyException.findIn(ex);
			SendOutcome outcome = (refusal != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE;
			return new TlsProbeResult(attempt.toRecord(outcome, (refusal != null) ? refusal.getReason() : null, 0),
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

	private void finish(MailTlsSendContext context, SendOutcome outcome, @Nullable RefusalReason reason) {
		ConnectionAttempt attempt = this.currentAttempt.get();
		if (attempt == null) {
			return;
		}
		TlsSendRecord record = attempt.toRecord(outcome, reason, context.getMessageCount());
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
