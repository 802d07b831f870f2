package io.github.mailtls.sender;

import jakarta.mail.MessagingException;

/**
 * A connection failure whose message says what happened and what to change.
 *
 * @author mail-tls
 */
final class ExplainedConnectionFailure extends MessagingException {

	ExplainedConnectionFailure(String message, Exception cause) {
		super(message, cause);
	}

}
