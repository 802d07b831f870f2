package io.github.mailtls.pool;

import java.util.Map;

import org.springframework.mail.MailSendException;

/**
 * Thrown when a send gave up waiting for a pooled connection because all of them stayed
 * busy: the sign of more concurrent sends than {@code mail.tls.pool.max-connections}
 * serves. Like every failed send it names every unsent message; its class name is the
 * {@code error} tag of the {@code mail.send} timer, so dashboards can tell it apart.
 *
 * @author mail-tls
 */
public class MailTlsPoolExhaustedException extends MailSendException {

	/**
	 * Create a new instance.
	 * @param message what happened and what to change
	 * @param cause the pool's failure
	 * @param failedMessages every unsent message, with its failure
	 */
	public MailTlsPoolExhaustedException(String message, Throwable cause, Map<Object, Exception> failedMessages) {
		super(message, cause, failedMessages);
	}

}
