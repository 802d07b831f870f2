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
package io.github.mailtls.testsupport;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One fault that a {@link FaultProxy} injects into a connection: what triggers it (the
 * Nth client command with a given verb, or a count of relayed bytes) and what happens
 * then (a reset, a stall, a dropped reply, an answer from the proxy itself, a delay).
 * Commands are counted per connection and seen in plaintext, inside TLS too, because the
 * proxy terminates TLS.
 *
 * @since 0.1.0
 */
public final class Fault {

	/**
	 * The pseudo-verb of the line that ends message content: a lone {@code "."}.
	 */
	public static final String END_OF_DATA = ".";

	private final Action action;

	private final @Nullable String verb;

	private final int occurrence;

	private final long byteCount;

	private final boolean serverBytes;

	private final @Nullable String reply;

	private final Duration delay;

	private Fault(Action action, @Nullable String verb, int occurrence, long byteCount, boolean serverBytes,
			@Nullable String reply) {
		this(action, verb, occurrence, byteCount, serverBytes, reply, Duration.ZERO);
	}

	private Fault(Action action, @Nullable String verb, int occurrence, long byteCount, boolean serverBytes,
			@Nullable String reply, Duration delay) {
		if (verb != null && occurrence < 1) {
			throw new IllegalArgumentException("Occurrences count from 1");
		}
		this.action = action;
		this.verb = (verb != null) ? verb.toUpperCase(Locale.ROOT) : null;
		this.occurrence = occurrence;
		this.byteCount = byteCount;
		this.serverBytes = serverBytes;
		this.reply = reply;
		this.delay = delay;
	}

	/**
	 * Reset the connection (TCP RST to both sides) when the client sends the given
	 * command for the given time; the server never sees it.
	 * @param verb the command verb, such as {@code MAIL}, or {@link #END_OF_DATA}
	 * @param occurrence which occurrence on the connection, from 1
	 * @return the fault
	 */
	public static Fault resetAt(String verb, int occurrence) {
		return new Fault(Action.RESET, verb, occurrence, -1, false, null);
	}

	/**
	 * Forward the given command to the server, swallow its reply and reset the
	 * connection: the server acted on the command, the client cannot know.
	 * @param verb the command verb or {@link #END_OF_DATA}
	 * @param occurrence which occurrence on the connection, from 1
	 * @return the fault
	 */
	public static Fault resetAfterForwarding(String verb, int occurrence) {
		return new Fault(Action.RESET_AFTER_FORWARDING, verb, occurrence, -1, false, null);
	}

	/**
	 * Stop relaying in both directions when the client sends the given command, without
	 * closing anything: a hung server or a network partition.
	 * @param verb the command verb or {@link #END_OF_DATA}
	 * @param occurrence which occurrence on the connection, from 1
	 * @return the fault
	 */
	public static Fault stallAt(String verb, int occurrence) {
		return new Fault(Action.STALL, verb, occurrence, -1, false, null);
	}

	/**
	 * Forward the given command and drop the server's reply to it; relaying goes on for
	 * the commands that follow.
	 * @param verb the command verb or {@link #END_OF_DATA}
	 * @param occurrence which occurrence on the connection, from 1
	 * @return the fault
	 */
	public static Fault dropReplyTo(String verb, int occurrence) {
		return new Fault(Action.DROP_REPLY, verb, occurrence, -1, false, null);
	}

	/**
	 * Answer the given command with the given reply instead of forwarding it.
	 * @param verb the command verb or {@link #END_OF_DATA}
	 * @param occurrence which occurrence on the connection, from 1
	 * @param reply the reply line without line end, such as
	 * {@code 451 4.3.0 Try again later}
	 * @return the fault
	 */
	public static Fault answer(String verb, int occurrence, String reply) {
		return new Fault(Action.ANSWER, verb, occurrence, -1, false, reply);
	}

	/**
	 * Hold the given command for the given time, then forward it and relay the reply as
	 * usual: a slow server, for example one that takes long to open a session.
	 * @param verb the command verb or {@link #END_OF_DATA}
	 * @param occurrence which occurrence on the connection, from 1
	 * @param delay how long the command is held
	 * @return the fault
	 */
	public static Fault delayAt(String verb, int occurrence, Duration delay) {
		return new Fault(Action.DELAY, verb, occurrence, -1, false, null, delay);
	}

	/**
	 * Reset the connection once the given number of client bytes (of the SMTP stream, TLS
	 * removed) has been forwarded to the server; a line that crosses the count is cut
	 * there.
	 * @param count the number of bytes forwarded before the reset
	 * @return the fault
	 */
	public static Fault resetAfterClientBytes(long count) {
		return new Fault(Action.RESET, null, 0, count, false, null);
	}

	/**
	 * Reset the connection once the given number of server bytes (replies, TLS removed)
	 * has been forwarded to the client.
	 * @param count the number of bytes forwarded before the reset
	 * @return the fault
	 */
	public static Fault resetAfterServerBytes(long count) {
		return new Fault(Action.RESET, null, 0, count, true, null);
	}

	/**
	 * Stop relaying, without closing, once the given number of client bytes has been
	 * forwarded.
	 * @param count the number of bytes forwarded before the stall
	 * @return the fault
	 */
	public static Fault stallAfterClientBytes(long count) {
		return new Fault(Action.STALL, null, 0, count, false, null);
	}

	Action action() {
		return this.action;
	}

	boolean matchesCommand(String verb, int occurrence) {
		return verb.equals(this.verb) && occurrence == this.occurrence;
	}

	boolean isClientByteCount() {
		return this.verb == null && !this.serverBytes;
	}

	boolean isServerByteCount() {
		return this.verb == null && this.serverBytes;
	}

	long byteCount() {
		return this.byteCount;
	}

	Duration delay() {
		return this.delay;
	}

	String reply() {
		return (this.reply != null) ? this.reply : "";
	}

	@Override
	public String toString() {
		String trigger = (this.verb != null) ? "%s #%d".formatted(this.verb, this.occurrence)
				: "%d %s bytes".formatted(this.byteCount, this.serverBytes ? "server" : "client");
		return this.action.name().toLowerCase(Locale.ROOT) + " at " + trigger;
	}

	enum Action {

		RESET, RESET_AFTER_FORWARDING, STALL, DROP_REPLY, ANSWER, DELAY

	}

}
