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
package io.github.mailtls.smtp;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;

/**
 * The plan for the message a transport is sending: whether its {@code MAIL FROM} asks for
 * REQUIRETLS (RFC 8689), and which commands may follow {@code MAIL FROM} in one pipelined
 * flight. Both are decided in {@code mailFrom()}, when the extensions are those the
 * server announced under TLS. Used under the transport's monitor; the REQUIRETLS decision
 * stays until the next message, to be read after the send.
 */
final class MessagePlan {

	private final Session session;

	private final boolean pipelining;

	// Angus sends BDAT instead of DATA when chunking is configured and offered.
	private final boolean chunkingConfigured;

	private @Nullable Message message;

	private Address @Nullable [] recipients;

	private boolean requireTls;

	// Replies read for the current message and the code of the first: a message that
	// drew no reply, or 421 to its MAIL FROM, was accepted nowhere.
	private int replies;

	private int firstReply;

	/**
	 * Create the plan of a transport's messages.
	 * @param session the transport's session
	 * @param pipelining whether the session's enforcement allows pipelining
	 */
	MessagePlan(Session session, boolean pipelining) {
		this.session = session;
		this.pipelining = pipelining;
		this.chunkingConfigured = chunkSize(session) > 0;
	}

	/**
	 * Start the plan of a message.
	 * @param message the message
	 * @param recipients its recipients
	 */
	void begin(Message message, Address[] recipients) {
		this.message = message;
		this.recipients = recipients;
		this.requireTls = false;
		this.replies = 0;
		this.firstReply = -1;
	}

	/**
	 * Note a reply read from the server; outside a message it does not count.
	 * @param code the reply code, or -1 when the connection ended instead
	 */
	void replyRead(int code) {
		if (this.message != null && code > 0 && this.replies++ == 0) {
			this.firstReply = code;
		}
	}

	/**
	 * Whether the server answered nothing for the last message, or answered its
	 * {@code MAIL FROM} with 421 (closing the connection).
	 * @return whether it did
	 */
	boolean unanswered() {
		return this.replies == 0 || this.firstReply == 421;
	}

	/**
	 * Let go of the message once it is sent or failed; the REQUIRETLS decision stays.
	 */
	void end() {
		this.message = null;
		this.recipients = null;
	}

	/**
	 * Forget the REQUIRETLS decision: a new connection has sent no message yet.
	 */
	void reset() {
		this.requireTls = false;
	}

	/**
	 * Decide whether the message's {@code MAIL FROM} asks for REQUIRETLS: when the policy
	 * wants it, unless the message opts out with {@code TLS-Required: No} (RFC 8689).
	 * @param policy the session's policy
	 * @param connection the connection the message goes over
	 * @return the refusal when the message needs REQUIRETLS and the server does not offer
	 * it under TLS, else {@code null}
	 * @throws MessagingException when the message's headers cannot be read
	 */
	@Nullable Refusal decideRequireTls(TlsPolicy policy, SMTPTransport connection) throws MessagingException {
		this.requireTls = policy.requireTlsExtension() && !optsOutOfRequireTls(this.message);
		if (this.requireTls && !(connection.isSSL() && connection.supportsExtension("REQUIRETLS"))) {
			this.requireTls = false;
			return new Refusal(RefusalReason.REQUIRETLS_NOT_OFFERED, ("the server does not advertise REQUIRETLS "
					+ "(RFC 8689) after TLS, so it cannot promise TLS on later hops; the message was not sent. Use a "
					+ "server that supports REQUIRETLS, set mail.tls.require-tls-extension=false, or add the header "
					+ "'TLS-Required: No' to messages that may travel without it."));
		}
		return null;
	}

	/**
	 * Whether the last message's {@code MAIL FROM} asked for REQUIRETLS.
	 * @return whether it did
	 */
	boolean requireTls() {
		return this.requireTls;
	}

	/**
	 * Return a command as it goes on the wire: {@code MAIL FROM} with REQUIRETLS when the
	 * message asks for it.
	 * @param command the command as Angus writes it
	 * @param verb its verb
	 * @return the command to write
	 */
	String onTheWire(String command, String verb) {
		return (this.requireTls && "MAIL".equals(verb)) ? command + " REQUIRETLS" : command;
	}

	/**
	 * Return the commands to write in one flight right after {@code MAIL FROM}. Only over
	 * TLS: the extensions are then those of the EHLO sent under TLS, and the cork is that
	 * of the TLS layer. Nothing before or across STARTTLS.
	 * @param connection the connection the message goes over
	 * @param corked whether the connection's TLS layer can hold writes back
	 * @return the commands, or {@code null} when Angus sends each on its own
	 */
	@Nullable List<String> pipelinedAfterMailFrom(SMTPTransport connection, boolean corked) {
		Address[] recipients = this.recipients;
		if (recipients == null || !this.pipelining || !corked || !connection.isSSL()
				|| !connection.supportsExtension("PIPELINING")
				|| (this.chunkingConfigured && connection.supportsExtension("CHUNKING"))) {
			return null;
		}
		return SmtpPipeline.followingCommands(recipients, dsnNotify(connection));
	}

	private @Nullable String dsnNotify(SMTPTransport connection) {
		// As Angus' rcptTo(): the message's value, else the session's, and only with DSN.
		if (!connection.supportsExtension("DSN")) {
			return null;
		}
		String notify = (this.message instanceof SMTPMessage smtpMessage)
				? SmtpPipeline.dsnNotify(smtpMessage.getNotifyOptions()) : null;
		return (notify != null) ? notify : this.session.getProperty("mail.smtp.dsn.notify");
	}

	private static int chunkSize(Session session) {
		String chunkSize = session.getProperty("mail.smtp.chunksize");
		try {
			return (chunkSize != null) ? Integer.parseInt(chunkSize.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static boolean optsOutOfRequireTls(@Nullable Message message) throws MessagingException {
		String[] values = (message != null) ? message.getHeader("TLS-Required") : null;
		return values != null && Arrays.stream(values).anyMatch((value) -> "no".equalsIgnoreCase(value.trim()));
	}

}
