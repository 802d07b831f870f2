package io.github.mailtls.sender;

import jakarta.mail.MessagingException;

import io.github.mailtls.smtp.ConnectionFacts;

/**
 * A physical connection that could not be opened, with what it had established when it
 * failed, so that the failed attempt is recorded like any other connection use.
 *
 * @author mail-tls
 */
final class ConnectFailure extends MessagingException {

	private final transient ConnectionFacts facts;

	private final MessagingException failure;

	ConnectFailure(ConnectionFacts facts, MessagingException failure) {
		super(failure.getMessage(), failure);
		this.facts = facts;
		this.failure = failure;
	}

	ConnectionFacts facts() {
		return this.facts;
	}

	MessagingException failure() {
		return this.failure;
	}

}
