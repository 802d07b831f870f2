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

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.tls.WriteCork;

/**
 * RFC 2920 command pipelining for one connection: MAIL FROM, every RCPT TO and DATA are
 * written in one flight (Angus writes each of them as usual while the connection's
 * guarded output is corked, so they leave in one write), and Angus then reads the replies
 * in order as if it had sent each command itself. Angus keeps all of its per-recipient
 * logic; this class only writes ahead, tells the transport which of Angus' commands are
 * already on the wire, and consumes the replies Angus will not read (after a failed MAIL
 * FROM or rejected recipients) before anything else is sent.
 * <p>
 * The transport only asks for a flight once TLS is established and the post-TLS EHLO
 * advertised {@code PIPELINING}; nothing is ever written ahead before or across STARTTLS.
 */
final class SmtpPipeline {

	private final CommandWriter writer;

	private final ReplyReader replies;

	/** Commands written ahead that Angus has not issued yet, in order. */
	private final Deque<String> writtenAhead = new ArrayDeque<>();

	/** Replies the server owes for commands written ahead. */
	private int unanswered;

	/** Whether DATA was written ahead and its reply is still owed. */
	private boolean dataUnanswered;

	/**
	 * Whether a drained DATA reply was 354: the server now takes every line as message
	 * content, so the connection cannot be used for anything but closing.
	 */
	private boolean awaitingContent;

	private @Nullable List<String> planned;

	/**
	 * Create the pipeline of a transport.
	 * @param writer writes one command the way Angus does, without reading a reply
	 * @param replies reads one reply through the transport
	 */
	SmtpPipeline(CommandWriter writer, ReplyReader replies) {
		this.writer = writer;
		this.replies = replies;
	}

	/**
	 * Return the commands that follow {@code MAIL FROM} for these recipients, exactly as
	 * Angus' {@code rcptTo()} and {@code data()} write them, or {@code null} when any of
	 * them must go through Angus' own checks one at a time.
	 * @param recipients the recipients given to {@code sendMessage}
	 * @param notify the DSN {@code NOTIFY} value Angus will add, or {@code null}
	 * @return the commands, ending with {@code DATA}
	 */
	static @Nullable List<String> followingCommands(Address[] recipients, @Nullable String notify) {
		List<String> commands = new ArrayList<>();
		for (InternetAddress recipient : expandGroups(recipients)) {
			String address = recipient.getAddress();
			String command = "RCPT TO:"
					+ ((!address.startsWith("<") && !address.endsWith(">")) ? "<" + address + ">" : address);
			if (notify != null) {
				command += " NOTIFY=" + notify;
			}
			if (!plainAscii(command)) {
				return null;
			}
			commands.add(command);
		}
		commands.add("DATA");
		return commands;
	}

	/**
	 * Return the {@code NOTIFY} value of a message's DSN options as Angus'
	 * package-private {@code SMTPMessage.getDSNNotify()} spells it.
	 * @param options the {@code SMTPMessage.NOTIFY_*} bits
	 * @return the value, or {@code null} when none is set
	 */
	static @Nullable String dsnNotify(int options) {
		if (options == 0) {
			return null;
		}
		if (options == SMTPMessage.NOTIFY_NEVER) {
			return "NEVER";
		}
		List<String> values = new ArrayList<>(3);
		if ((options & SMTPMessage.NOTIFY_SUCCESS) != 0) {
			values.add("SUCCESS");
		}
		if ((options & SMTPMessage.NOTIFY_FAILURE) != 0) {
			values.add("FAILURE");
		}
		if ((options & SMTPMessage.NOTIFY_DELAY) != 0) {
			values.add("DELAY");
		}
		return String.join(",", values);
	}

	/**
	 * Write {@code following} right after the next {@code MAIL FROM}.
	 * @param following the commands from {@link #followingCommands}
	 */
	void plan(List<String> following) {
		this.planned = following;
	}

	/**
	 * Forget the plan when {@code MAIL FROM} was never written.
	 */
	void cancelPlan() {
		this.planned = null;
	}

	/**
	 * Take one of Angus' commands before it is written: skip it when it is already on the
	 * wire, first read the replies Angus will not read, and write a planned flight when
	 * it is the {@code MAIL FROM} that starts one.
	 * @param command the command as it goes on the wire
	 * @param cork the cork of the connection's TLS layer, {@code null} without one
	 * @return whether the command is on the wire; if not, the transport writes it itself
	 * @throws MessagingException when a write or read fails, or when the server awaits
	 * content of a message that is not sent
	 */
	boolean sent(String command, @Nullable WriteCork cork) throws MessagingException {
		if (writtenAhead(command)) {
			return true;
		}
		if (owesReplies()) {
			drain();
		}
		if (awaitingContent()) {
			// Angus closes the connection on this IOException: the message stays unsent,
			// and no command can follow, since the server would take it as content.
			throw new MessagingException(
					"The server accepted the pipelined DATA of a message that is not sent; closing the connection",
					new IOException("server awaits message content"));
		}
		if (cork != null && startsFlight(command)) {
			writeFlight(cork, command);
			return true;
		}
		return false;
	}

	/**
	 * Whether this {@code MAIL FROM} command starts a planned flight.
	 * @param command the command as it goes on the wire
	 * @return whether {@link #writeFlight} should send it
	 */
	private boolean startsFlight(String command) {
		return this.planned != null && command.startsWith("MAIL FROM:") && plainAscii(command);
	}

	/**
	 * Write {@code MAIL FROM} and the planned commands in one flight: each goes through
	 * the transport's own command writing while the connection's output is corked.
	 * @param cork the cork of the connection's TLS layer
	 * @param mailFrom the {@code MAIL FROM} command
	 * @throws MessagingException when a write fails, as Angus reports it
	 */
	private void writeFlight(WriteCork cork, String mailFrom) throws MessagingException {
		List<String> following = this.planned;
		this.planned = null;
		if (following == null) {
			throw new IllegalStateException("No planned flight");
		}
		cork.cork();
		try {
			this.writer.write(mailFrom);
			for (String command : following) {
				this.writer.write(command);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// Nothing has left: the connection is as it was before MAIL FROM.
			cork.discard();
			throw ex;
		}
		try {
			cork.uncork();
		}
		catch (IOException ex) {
			// Part of the flight may have left: no later command may follow it.
			this.awaitingContent = true;
			throw new MessagingException("Can't send command to SMTP host", ex);
		}
		this.writtenAhead.addAll(following);
		this.unanswered = 1 + following.size();
		this.dataUnanswered = "DATA".equals(following.get(following.size() - 1));
	}

	/**
	 * Whether Angus is issuing a command that is already on the wire, and so must not be
	 * written again.
	 * @param command the command Angus is sending
	 * @return whether it was written ahead
	 * @throws MessagingException when Angus sends a different recipient or DATA than the
	 * one written ahead: the replies could no longer be matched to the commands
	 */
	private boolean writtenAhead(String command) throws MessagingException {
		String next = this.writtenAhead.peekFirst();
		if (next == null) {
			return false;
		}
		if (next.equals(command)) {
			this.writtenAhead.removeFirst();
			return true;
		}
		if (command.startsWith("RCPT ") || "DATA".equals(command)) {
			this.awaitingContent = true;
			throw new MessagingException("Pipelined commands out of step with the transport; closing",
					new IOException("pipelined '" + verb(next) + "' where '" + verb(command) + "' was expected"));
		}
		return false;
	}

	/**
	 * Record that the transport read a reply.
	 * @param code the reply code
	 */
	void replyRead(int code) {
		if (this.unanswered > 0) {
			this.unanswered--;
			if (this.unanswered == 0 && this.dataUnanswered) {
				this.dataUnanswered = false;
			}
		}
	}

	/**
	 * Whether replies to commands written ahead are still owed: they must be read before
	 * any other command is written.
	 * @return whether to {@link #drain}
	 */
	private boolean owesReplies() {
		return this.unanswered > 0;
	}

	/**
	 * Read and discard the replies Angus will not read, because it gave up on the message
	 * before issuing the commands written ahead.
	 * @throws MessagingException when reading fails
	 */
	private void drain() throws MessagingException {
		this.writtenAhead.clear();
		boolean dataPending = this.dataUnanswered;
		int last = 0;
		try {
			while (this.unanswered > 0) {
				last = this.replies.read();
			}
		}
		catch (MessagingException ex) {
			this.unanswered = 0;
			this.awaitingContent = true;
			throw ex;
		}
		if (dataPending && last == 354) {
			this.awaitingContent = true;
		}
	}

	/**
	 * Whether the server is waiting for message content that will never come, so that the
	 * only safe next step is to close the connection (sending {@code "."} would deliver
	 * an empty message to the accepted recipients).
	 * @return whether the connection is unusable
	 */
	private boolean awaitingContent() {
		return this.awaitingContent;
	}

	/**
	 * Forget everything: a new connection starts clean.
	 */
	void reset() {
		this.writtenAhead.clear();
		this.unanswered = 0;
		this.dataUnanswered = false;
		this.awaitingContent = false;
		this.planned = null;
	}

	private static List<InternetAddress> expandGroups(Address[] addresses) {
		// As Angus' expandGroups(): a group that does not parse is sent as it is.
		List<InternetAddress> expanded = new ArrayList<>(addresses.length);
		for (Address address : addresses) {
			InternetAddress internet = (InternetAddress) address;
			if (internet.isGroup()) {
				try {
					InternetAddress[] members = internet.getGroup(true);
					if (members != null) {
						expanded.addAll(List.of(members));
						continue;
					}
				}
				catch (AddressException ex) {
					// Fall through: Angus adds the whole group.
				}
			}
			expanded.add(internet);
		}
		return expanded;
	}

	private static boolean plainAscii(String command) {
		for (int i = 0; i < command.length(); i++) {
			char c = command.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	private static String verb(String command) {
		int space = command.indexOf(' ');
		return (space < 0) ? command : command.substring(0, space);
	}

	/**
	 * Writes one command to the connection without reading its reply.
	 */
	@FunctionalInterface
	interface CommandWriter {

		/**
		 * Write the command and its line end.
		 * @param command the command
		 * @throws MessagingException when writing fails
		 */
		void write(String command) throws MessagingException;

	}

	/**
	 * Reads one server reply through the transport.
	 */
	@FunctionalInterface
	interface ReplyReader {

		/**
		 * Read one reply.
		 * @return the reply code
		 * @throws MessagingException when reading fails
		 */
		int read() throws MessagingException;

	}

}
