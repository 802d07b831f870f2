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
package io.github.mailtls.benchmarks;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.api.mailer.Mailer;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A sender under measurement. Every contender builds its own message objects from the
 * same content inside the measured phase, as an application would.
 *
 * @param name the name in the report
 * @param singleSends whether every message is sent by its own call, so that a latency per
 * send exists ({@code false} for a batch)
 * @param connectsPerSend whether the contender opens a connection per send, so that fewer
 * messages per run give the same rate
 * @param run sends the messages of one run on the calling thread
 * @param prepare runs before each run, outside its measured time
 */
record Contender(String name, boolean singleSends, boolean connectsPerSend, Run run, Prepare prepare) {

	Contender(String name, boolean singleSends, boolean connectsPerSend, Run run) {
		this(name, singleSends, connectsPerSend, run, () -> {
		});
	}

	/**
	 * Send {@code count} messages on the calling thread.
	 * @param recipient the recipient
	 * @param count how many messages
	 * @param attachment the attachment of every message, possibly empty
	 * @param latencies receives the duration of each send in nanoseconds
	 * @throws Exception when a send fails
	 */
	void send(String recipient, int count, byte[] attachment, List<Long> latencies) throws Exception {
		this.run.send(recipient, count, attachment, latencies);
	}

	/**
	 * Get ready for the next run, before its clock starts.
	 * @throws Exception when the contender cannot be made ready
	 */
	void beforeRun() throws Exception {
		this.prepare.prepare();
	}

	static Contender springSingles(String name, JavaMailSender sender, boolean connectsPerSend) {
		return new Contender(name, true, connectsPerSend,
				(recipient, count, attachment, latencies) -> timed(count, latencies, (number) -> sender
					.send((message) -> BenchmarkMessages.prepare(message, recipient, number, attachment))));
	}

	static Contender springBatch(String name, JavaMailSenderImpl sender) {
		return new Contender(name, false, false, (recipient, count, attachment, latencies) -> {
			List<MimeMessage> messages = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				MimeMessage message = sender.createMimeMessage();
				BenchmarkMessages.prepare(message, recipient, i, attachment);
				messages.add(message);
			}
			sender.send(messages.toArray(MimeMessage[]::new));
		});
	}

	static Contender simpleJavaMail(String name, Mailer mailer) {
		// Not async: the future is complete when sendMail returns.
		return new Contender(name, true, false, (recipient, count, attachment, latencies) -> timed(count, latencies,
				(number) -> mailer.sendMail(BenchmarkMessages.email(recipient, number, attachment)).join()));
	}

	static Contender wireFloor(String name, WireFloor floor) {
		// One connection, so one thread at a time; a new one for every run, opened before
		// the run's clock starts, as a pooled sender's connections are.
		return new Contender(name, true, false, (recipient, count, attachment, latencies) -> timed(count, latencies,
				(number) -> floor.send(recipient, number)), floor::reconnect);
	}

	// One call per message, each timed.
	private static void timed(int count, List<Long> latencies, SingleSend send) throws Exception {
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			send.send(i);
			latencies.add(System.nanoTime() - start);
		}
	}

	/**
	 * Gets a contender ready for its next run.
	 */
	@FunctionalInterface
	interface Prepare {

		void prepare() throws Exception;

	}

	/**
	 * Sends the messages of one run.
	 */
	@FunctionalInterface
	interface Run {

		void send(String recipient, int count, byte[] attachment, List<Long> latencies) throws Exception;

	}

	/**
	 * Sends the numbered message.
	 */
	@FunctionalInterface
	interface SingleSend {

		void send(int number) throws Exception;

	}

}
