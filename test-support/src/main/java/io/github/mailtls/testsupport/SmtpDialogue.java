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

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * A script for {@link ScriptedSmtpServer} that speaks ordinary plaintext SMTP with AUTH
 * and lets a test replace the reply to the Nth occurrence of a command (counted over all
 * connections), for example to reset the connection at the second AUTH. The end of
 * message data counts as the command {@code "."}.
 *
 * @since 0.1.0
 */
public final class SmtpDialogue implements Function<String, @Nullable String> {

	private final Map<String, IntFunction<@Nullable String>> overrides = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final ThreadLocal<Boolean> inData = ThreadLocal.withInitial(() -> false);

	/**
	 * Answer the given command with the given reply function instead of the ordinary
	 * reply; the function gets the 1-based occurrence of the command and may return
	 * {@code null} to fall back to the ordinary reply.
	 * @param verb the command, or {@code "."} for the end of message data
	 * @param reply the reply per occurrence
	 * @return this dialogue
	 */
	public SmtpDialogue on(String verb, IntFunction<@Nullable String> reply) {
		this.overrides.put(verb.toUpperCase(Locale.ROOT), reply);
		return this;
	}

	/**
	 * Return how often a command was received.
	 * @param verb the command, or {@code "."} for the end of message data
	 * @return the count
	 */
	public int count(String verb) {
		AtomicInteger count = this.counts.get(verb.toUpperCase(Locale.ROOT));
		return (count != null) ? count.get() : 0;
	}

	@Override
	public @Nullable String apply(String line) {
		if (this.inData.get()) {
			if (!line.equals(".")) {
				return "";
			}
			this.inData.set(false);
			return reply(".", "250 2.0.0 Ok: queued");
		}
		String verb = ScriptedSmtpServer.verb(line);
		return switch (verb) {
			case "EHLO" -> reply(verb, "250-scripted.example.org\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
			case "AUTH" -> reply(verb, "235 2.7.0 Authentication successful");
			case "DATA" -> {
				String reply = reply(verb, "354 End data with <CR><LF>.<CR><LF>");
				if (reply != null && reply.startsWith("354")) {
					this.inData.set(true);
				}
				yield reply;
			}
			case "QUIT" -> reply(verb, "221 2.0.0 Bye");
			default -> reply(verb, "250 2.0.0 Ok");
		};
	}

	private @Nullable String reply(String verb, String ordinary) {
		int occurrence = this.counts.computeIfAbsent(verb, (key) -> new AtomicInteger()).incrementAndGet();
		IntFunction<@Nullable String> override = this.overrides.get(verb);
		String replaced = (override != null) ? override.apply(occurrence) : null;
		return (replaced != null) ? replaced : ordinary;
	}

}
