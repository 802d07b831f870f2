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
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.smtp.Causes;
import io.github.mailtls.smtp.ConnectionFacts;
import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * One use of one connection by one {@code send(...)} call: the messages it carried and
 * what happened to them. The connection's facts are fixed; what belongs to the use
 * (reused, REQUIRETLS, outcome) is kept here.
 */
final class ConnectionUse {

	private final EnforcingSmtpTransport transport;

	private final ConnectionFacts facts;

	private final boolean reused;

	private final Release release;

	private final Duration checkTimeout;

	private final Instant started = Instant.now();

	private final long startedNanos = System.nanoTime();

	private int messageCount;

	private boolean requireTlsUsed;

	private boolean failed;

	private boolean broken;

	private boolean unchecked;

	private @Nullable RefusalReason refusal;

	/**
	 * Create a use.
	 * @param transport the connected transport
	 * @param facts what the connection negotiated
	 * @param reused whether an earlier send used the connection
	 * @param checkTimeout how long the check after a failed message waits for the
	 * server's reply (the pool's validation timeout)
	 * @param release ends the use
	 */
	ConnectionUse(EnforcingSmtpTransport transport, ConnectionFacts facts, boolean reused, Duration checkTimeout,
			Release release) {
		this.transport = transport;
		this.facts = facts;
		this.reused = reused;
		this.checkTimeout = checkTimeout;
		this.release = release;
		transport.setResetTimeout(checkTimeout);
	}

	void send(MimeMessage message, Address[] addresses) throws MessagingException {
		this.messageCount++;
		try {
			this.transport.sendMessage(message, addresses);
			this.requireTlsUsed |= this.transport.lastMessageRequiredTls();
		}
		catch (SendFailedException ex) {
			// A server reply: the session is in a known state, unless the reply came with
			// a broken connection.
			failed(ex, ex.getNextException() instanceof IOException);
			throw ex;
		}
		catch (MessagingException | RuntimeException ex) {
			failed(ex, true);
			throw ex;
		}
	}

	private void failed(Exception ex, boolean connectionBroken) {
		this.failed = true;
		this.broken |= connectionBroken;
		this.unchecked = !this.broken;
		MailTlsPolicyException policyException = MailTlsPolicyException.findIn(ex);
		if (policyException != null && this.refusal == null) {
			this.refusal = policyException.getReason();
		}
	}

	/**
	 * Whether the first message over a reused connection found it closed: the connection
	 * ended or was reset before the server answered anything of the message, or the
	 * server answered its {@code MAIL FROM} with 421, so it accepted nothing and the
	 * message can go over a new connection. A server may close a pooled connection
	 * between two uses, within the alive-bypass window too, where no check precedes the
	 * reuse. A server that stops answering is not closed: trying it again would double
	 * the wait.
	 * @param failure what the message failed with
	 * @return whether the message should be sent again over a new connection
	 */
	boolean foundClosed(Exception failure) {
		if (this.reused && this.messageCount == 1 && this.failed && this.refusal == null
				&& this.transport.lastMessageUnanswered() && !Causes.hasCause(failure, SocketTimeoutException.class)) {
			// Closed, or closing after its 421: not to be used again.
			this.broken = true;
			this.unchecked = false;
			return true;
		}
		return false;
	}

	/**
	 * Whether the next message needs another connection: after a broken connection, or a
	 * failure after which the server may have closed it (for example 421) or stopped
	 * answering. The check after a failure ({@code RSET}) waits at most the check
	 * timeout, not a whole read timeout; a connection that fails it is closed and not
	 * reused.
	 */
	boolean needsReplacement() {
		if (this.unchecked) {
			this.unchecked = false;
			this.broken = !this.transport.validate(this.checkTimeout);
		}
		return this.broken;
	}

	/**
	 * End the use: give the connection back or close it.
	 * @return the failure to close, if the connection was to be closed and that failed
	 */
	@Nullable Exception finish() {
		// A failure that was not followed by a check may have come with a close (421):
		// whoever uses the connection next must check it first, recent use or not.
		return this.release.release(this.transport, this.messageCount, !this.broken, this.unchecked);
	}

	TlsSendRecord record() {
		SendOutcome outcome = (this.refusal != null) ? SendOutcome.REFUSED
				: this.failed ? SendOutcome.FAILURE : SendOutcome.SUCCESS;
		return UseRecords.of(this.facts, this.reused, this.requireTlsUsed, outcome, this.refusal, this.messageCount,
				this.started, this.startedNanos);
	}

	/**
	 * Ends a use of a connection.
	 */
	@FunctionalInterface
	interface Release {

		/**
		 * Give the connection back or close it.
		 * @param transport the connection
		 * @param messages how many messages the use sent or attempted over it
		 * @param worked whether the server answered every message, which proves that the
		 * connection works
		 * @param reusable whether the use left it in a known, clean state
		 * @param checkFirst whether the use ended with a failure after which the server
		 * may have closed the connection, so that it must be checked before reuse
		 * @return the failure to close, or {@code null}
		 */
		@Nullable Exception release(EnforcingSmtpTransport transport, int messages, boolean reusable, boolean checkFirst);

	}

}
