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

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.pool.MailTlsPoolExhaustedException;
import io.github.mailtls.pool.PoolExhaustedException;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.smtp.Causes;
import io.github.mailtls.smtp.ConnectionFacts;
import io.github.mailtls.smtp.ExplainedConnectionFailure;

/**
 * One {@code send(...)} call: its messages go over as few connections as possible, every
 * connection use is recorded exactly once, and the call ends with every message either
 * accepted by the server or named in the thrown exception. A failure to close a
 * connection after every message was accepted is reported, never thrown: the messages
 * were delivered, and a retry would send them twice.
 */
final class SendCall {

	private static final Log logger = LogFactory.getLog(SendCall.class);

	private static final String HEADER_MESSAGE_ID = "Message-ID";

	private final Connections connections;

	private final ConnectionFacts demanded;

	private final Consumer<TlsSendRecord> records;

	private final Runnable closeFailed;

	private final Map<Object, Exception> failedMessages = new LinkedHashMap<>();

	private int delivered;

	private @Nullable MailTlsPolicyException refusal;

	private @Nullable MessagingException connectFailure;

	/**
	 * Create a call.
	 * @param connections where connections come from
	 * @param demanded the facts to record when no connection could be had at all
	 * @param records receives the record of every connection use
	 * @param closeFailed told when closing a connection failed after delivery
	 */
	SendCall(Connections connections, ConnectionFacts demanded, Consumer<TlsSendRecord> records, Runnable closeFailed) {
		this.connections = connections;
		this.demanded = demanded;
		this.records = records;
		this.closeFailed = closeFailed;
	}

	/**
	 * Send the messages.
	 * @param messages the messages
	 * @param originals what to name failed messages by, or {@code null} for the messages
	 * @return the outcome, when every message was accepted
	 * @throws MailException naming every message that was not accepted
	 */
	SendOutcome send(MimeMessage[] messages, Object @Nullable [] originals) {
		ConnectionUse use = null;
		try {
			for (int i = 0; i < messages.length; i++) {
				if (use != null && use.needsReplacement()) {
					finish(use);
					use = null;
				}
				if (use == null) {
					use = open(messages.length - i);
					if (use == null) {
						noteUnsent(messages, originals, i);
						break;
					}
				}
				if (!send(use, messages[i], original(messages, originals, i), true)) {
					// The reused connection was found closed before the message reached
					// it: once more over another connection, and only once.
					finish(use);
					use = open(messages.length - i);
					if (use == null) {
						noteUnsent(messages, originals, i);
						break;
					}
					send(use, messages[i], original(messages, originals, i), false);
				}
			}
		}
		finally {
			if (use != null) {
				finish(use);
			}
		}
		if (this.failedMessages.isEmpty()) {
			return SendOutcome.SUCCESS;
		}
		throw failure();
	}

	private @Nullable ConnectionUse open(int remaining) {
		Instant started = Instant.now();
		long startedNanos = System.nanoTime();
		try {
			return this.connections.open();
		}
		catch (ConnectFailure ex) {
			this.connectFailure = ex.failure();
			MailTlsPolicyException policyException = MailTlsPolicyException.findIn(ex.failure());
			noteRefusal(policyException);
			this.records.accept(UseRecords.of(ex.facts(), false, false,
					(policyException != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE,
					(policyException != null) ? policyException.getReason() : null, remaining, started, startedNanos));
			return null;
		}
		catch (MessagingException ex) {
			this.connectFailure = ex;
			this.records.accept(UseRecords.of(this.demanded, false, false, SendOutcome.FAILURE, null, remaining,
					started, startedNanos));
			return null;
		}
	}

	// No connection could be had for the messages from the given index on.
	private void noteUnsent(MimeMessage[] messages, Object @Nullable [] originals, int from) {
		for (int i = from; i < messages.length; i++) {
			this.failedMessages.put(original(messages, originals, i),
					(this.connectFailure != null) ? this.connectFailure : new MessagingException());
		}
	}

	/**
	 * Send one message over the use.
	 * @param mayRetry whether a message that finds a reused connection closed may go
	 * again over another one
	 * @return {@code false} if the message found the reused connection closed and was
	 * accepted nowhere, so that it should go over another connection; {@code true} once
	 * it was accepted or its failure noted
	 */
	private boolean send(ConnectionUse use, MimeMessage message, Object original, boolean mayRetry) {
		try {
			prepare(message);
			Address[] addresses = message.getAllRecipients();
			use.send(message, (addresses != null) ? addresses : new Address[0]);
			this.delivered++;
		}
		catch (MessagingException | RuntimeException ex) {
			if (mayRetry && use.foundClosed(ex)) {
				return false;
			}
			noteRefusal(MailTlsPolicyException.findIn(ex));
			this.failedMessages.put(original, ex);
		}
		return true;
	}

	// As JavaMailSenderImpl does: a sent date, and an explicit Message-ID kept.
	private static void prepare(MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader(HEADER_MESSAGE_ID, messageId);
		}
	}

	private void finish(ConnectionUse use) {
		Exception closeFailure = use.finish();
		this.records.accept(use.record());
		if (closeFailure != null) {
			// Every message of the use was handed over: reporting the call as failed
			// would
			// make callers send delivered messages again.
			logger.warn("Closing the mail connection failed after sending; the messages accepted by the server "
					+ "stay delivered: " + closeFailure.getClass().getSimpleName());
			this.closeFailed.run();
		}
	}

	private void noteRefusal(@Nullable MailTlsPolicyException policyException) {
		if (policyException != null && this.refusal == null) {
			this.refusal = policyException;
		}
	}

	/**
	 * Whether the call ended in a refusal by the policy.
	 * @return {@code true} if a connection or message was refused
	 */
	boolean isRefused() {
		return this.refusal != null;
	}

	private MailException failure() {
		MessagingException connectFailure = this.connectFailure;
		if (connectFailure instanceof TokenAuthenticationFailedException tokenFailure && this.delivered == 0) {
			// OAuth2 (issue 12): keep the explanation and the AccessTokenException.
			return tokenFailure.toMailException();
		}
		// Angus turns any exception during AUTH into AuthenticationFailedException; only
		// one without an I/O or messaging cause is the server's answer to the
		// credentials.
		if (connectFailure instanceof AuthenticationFailedException
				&& !Causes.hasCause(connectFailure, IOException.class, MessagingException.class)
				&& this.delivered == 0) {
			// The server rejected the credentials and nothing was sent: every message
			// failed.
			return new MailAuthenticationException(
					"%s:%d rejected the credentials of spring.mail.username (%s); no message was sent".formatted(
							this.demanded.host(), this.demanded.port(), connectFailure.getMessage()),
					connectFailure);
		}
		if (connectFailure instanceof PoolExhaustedException) {
			return new MailTlsPoolExhaustedException(String.valueOf(connectFailure.getMessage()), connectFailure,
					this.failedMessages);
		}
		String explanation = explanation(connectFailure);
		Exception cause = (connectFailure != null) ? connectFailure : this.failedMessages.values().iterator().next();
		return (explanation != null) ? new MailSendException(explanation, cause, this.failedMessages)
				: new MailSendException(this.failedMessages);
	}

	private @Nullable String explanation(@Nullable MessagingException connectFailure) {
		if (this.refusal != null) {
			return this.refusal.getMessage();
		}
		if (connectFailure instanceof ExplainedConnectionFailure) {
			return connectFailure.getMessage();
		}
		if (connectFailure instanceof AuthenticationFailedException) {
			return "The connection to %s:%d failed during authentication (%s); no message was sent over it".formatted(
					this.demanded.host(), this.demanded.port(),
					NestedExceptionUtils.getMostSpecificCause(connectFailure).getClass().getSimpleName());
		}
		return null;
	}

	private static Object original(MimeMessage[] messages, Object @Nullable [] originals, int index) {
		return (originals != null) ? originals[index] : messages[index];
	}

}
