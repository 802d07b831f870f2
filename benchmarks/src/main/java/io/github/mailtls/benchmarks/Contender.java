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
 */
interface Contender {

	/**
	 * Return the name in the report.
	 * @return the name
	 */
	String name();

	/**
	 * Whether every message is sent by its own call, so that a latency per send exists.
	 * @return {@code false} for a batch
	 */
	default boolean singleSends() {
		return true;
	}

	/**
	 * Whether the contender opens a connection per send, so that fewer messages per run
	 * give the same rate.
	 * @return whether it connects per send
	 */
	boolean connectsPerSend();

	/**
	 * Send {@code count} messages on the calling thread.
	 * @param recipient the recipient
	 * @param count how many messages
	 * @param attachment the attachment of every message, possibly empty
	 * @param latencies receives the duration of each send in nanoseconds
	 * @throws Exception when a send fails
	 */
	void send(String recipient, int count, byte[] attachment, List<Long> latencies) throws Exception;

	static Contender springSingles(String name, JavaMailSender sender, boolean connectsPerSend) {
		return new Contender() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean connectsPerSend() {
				return connectsPerSend;
			}

			@Override
			public void send(String recipient, int count, byte[] attachment, List<Long> latencies) {
				for (int i = 0; i < count; i++) {
					int number = i;
					long start = System.nanoTime();
					sender.send((message) -> BenchmarkMessages.prepare(message, recipient, number, attachment));
					latencies.add(System.nanoTime() - start);
				}
			}

		};
	}

	static Contender springBatch(String name, JavaMailSenderImpl sender) {
		return new Contender() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean singleSends() {
				return false;
			}

			@Override
			public boolean connectsPerSend() {
				return false;
			}

			@Override
			public void send(String recipient, int count, byte[] attachment, List<Long> latencies) throws Exception {
				List<MimeMessage> messages = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					MimeMessage message = sender.createMimeMessage();
					BenchmarkMessages.prepare(message, recipient, i, attachment);
					messages.add(message);
				}
				sender.send(messages.toArray(MimeMessage[]::new));
			}

		};
	}

	static Contender simpleJavaMail(String name, Mailer mailer) {
		return new Contender() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean connectsPerSend() {
				return false;
			}

			@Override
			public void send(String recipient, int count, byte[] attachment, List<Long> latencies) {
				for (int i = 0; i < count; i++) {
					long start = System.nanoTime();
					// Not async: the future is complete when sendMail returns.
					mailer.sendMail(BenchmarkMessages.email(recipient, i, attachment)).join();
					latencies.add(System.nanoTime() - start);
				}
			}

		};
	}

}
