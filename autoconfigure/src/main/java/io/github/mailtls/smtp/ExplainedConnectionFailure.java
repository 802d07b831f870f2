package io.github.mailtls.smtp;

import jakarta.mail.MessagingException;

import io.github.mailtls.policy.MailTlsPolicyException;

/**
 * A connection failure whose message says what happened and what to change.
 *
 * @author mail-tls
 */
public final class ExplainedConnectionFailure extends MessagingException {

	ExplainedConnectionFailure(String message, Exception cause) {
		super(message, cause);
	}

	static ExplainedConnectionFailure of(MailTlsPolicyException refusal) {
		return new ExplainedConnectionFailure(refusal.getMessage(), refusal);
	}

}
