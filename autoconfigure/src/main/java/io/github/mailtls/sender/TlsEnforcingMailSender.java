package io.github.mailtls.sender;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

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

	private final TlsPolicy policy;

	private final Properties enforcedProperties;

	private final List<TlsSendListener> listeners;

	private final ThreadLocal<ConnectionAttempt> currentAttempt = new ThreadLocal<>();

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

	@Override
	protected Transport getTransport(Session session) {
		String host = (getHost() != null) ? getHost() : "localhost";
		ConnectionAttempt attempt = new ConnectionAttempt(host, getPort(), this.policy.mode());
		this.currentAttempt.set(attempt);
		return new EnforcingSmtpTransport(session, attempt, this.policy);
	}

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
		try {
			super.doSend(mimeMessages, originalMessages);
			publish(SendOutcome.SUCCESS, null, mimeMessages.length);
		}
		catch (MailSendException ex) {
			MailTlsPolicyException refusal = findRefusal(ex);
			publish((refusal != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE,
					(refusal != null) ? refusal.getReason() : null, mimeMessages.length);
			throw explained(ex, refusal);
		}
		catch (MailException ex) {
			publish(SendOutcome.FAILURE, null, mimeMessages.length);
			throw ex;
		}
		finally {
			this.currentAttempt.remove();
		}
	}

	private void publish(SendOutcome outcome, @Nullable RefusalReason reason, int messageCount) {
		ConnectionAttempt attempt = this.currentAttempt.get();
		if (attempt == null) {
			return;
		}
		TlsSendRecord record = attempt.toRecord(outcome, reason, messageCount);
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
