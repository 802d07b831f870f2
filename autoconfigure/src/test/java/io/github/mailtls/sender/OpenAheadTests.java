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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.Fault;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.ProxiedCommand;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Successors opened ahead: a busy pooled connection that will soon be retired for its
 * message count has its replacement opened in the background, so that no send but the
 * first waits for a handshake. A proxy holds the first {@code EHLO} of every connection
 * for {@link #SLOW_OPEN}, so that a send which opens a connection itself is plainly
 * slower than one which does not; the same sends with open-ahead off show the waits the
 * feature removes.
 */
class OpenAheadTests {

	private static final Duration SLOW_OPEN = Duration.ofMillis(300);

	private static final Duration PAUSE = Duration.ofMillis(200);

	private static final int SENDS = 20;

	@Test
	void busySenderShouldNeverWaitForTheHandshakeOfAReplacement() throws Exception {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			proxy.injectEverywhere(Fault.delayAt("EHLO", 1, SLOW_OPEN));
			SenderContexts.forPort(proxy.port(), "mail.tls.pool.max-messages-per-connection=8").run((context) -> {
				List<Duration> latencies = sendPaced(context.getBean(JavaMailSender.class));
				assertThat(latencies.get(0)).isGreaterThanOrEqualTo(SLOW_OPEN);
				assertThat(latencies.subList(1, SENDS))
					.allSatisfy((latency) -> assertThat(latency).as("a send after the first").isLessThan(SLOW_OPEN));
				assertThat(context.getBean(RecordingListener.class).records()).hasSize(SENDS)
					.extracting(TlsSendRecord::outcome)
					.containsOnly(SendOutcome.SUCCESS);
			});
			assertThat(server.messages()).hasSize(SENDS);
			Map<Integer, Long> messagesPerConnection = messagesPerConnection(proxy);
			assertThat(messagesPerConnection.values()).allSatisfy((count) -> assertThat(count).isLessThanOrEqualTo(8));
			// Three connections carry the twenty messages; the third never reaches the
			// last quarter of its budget, so it has no successor.
			assertThat(proxy.connectionCount()).isEqualTo(3);
		}
	}

	@Test
	void withoutOpenAheadEveryReplacementShouldBeOpenedByTheSendThatNeedsIt() throws Exception {
		assertEveryReplacementWaitedFor("mail.tls.pool.open-ahead=false");
	}

	@Test
	void poolWithoutRoomShouldNotOpenAhead() throws Exception {
		assertEveryReplacementWaitedFor("mail.tls.pool.max-connections=1");
	}

	@Test
	void failedSuccessorShouldBeDroppedAndTheNextSendShouldOpenItsOwn() throws Exception {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			// The second connection is the first one's successor: the server turns it
			// away at once. The others open slowly.
			proxy.inject(1, Fault.answer("EHLO", 1, "554 5.3.2 Not accepting connections now"));
			for (int connection : new int[] { 0, 2, 3, 4 }) {
				proxy.inject(connection, Fault.delayAt("EHLO", 1, SLOW_OPEN));
			}
			SenderContexts.forPort(proxy.port(), "mail.tls.pool.max-messages-per-connection=8").run((context) -> {
				List<Duration> latencies = sendPaced(context.getBean(JavaMailSender.class));
				// The ninth send found no successor and opened the third connection.
				assertThat(waited(latencies)).containsExactly(0, 8);
				assertThat(context.getBean(RecordingListener.class).records()).hasSize(SENDS)
					.extracting(TlsSendRecord::outcome)
					.containsOnly(SendOutcome.SUCCESS);
			});
			assertThat(server.messages()).hasSize(SENDS);
			assertThat(messagesPerConnection(proxy)).doesNotContainKey(1);
		}
	}

	private static void assertEveryReplacementWaitedFor(String property) {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			proxy.injectEverywhere(Fault.delayAt("EHLO", 1, SLOW_OPEN));
			SenderContexts.forPort(proxy.port(), "mail.tls.pool.max-messages-per-connection=8", property)
				.run((context) -> assertThat(waited(sendPaced(context.getBean(JavaMailSender.class))))
					.containsExactly(0, 8, 16));
			assertThat(proxy.connectionCount()).isEqualTo(3);
		}
	}

	// Sends at a steady pace, as a busy application would, and returns each latency.
	private static List<Duration> sendPaced(JavaMailSender sender) throws InterruptedException {
		List<Duration> latencies = new ArrayList<>();
		for (int i = 0; i < SENDS; i++) {
			long start = System.nanoTime();
			sender.send(SenderContexts.message());
			latencies.add(Duration.ofNanos(System.nanoTime() - start));
			Thread.sleep(PAUSE.toMillis());
		}
		return latencies;
	}

	// The sends that waited for a connection to be opened.
	private static List<Integer> waited(List<Duration> latencies) {
		List<Integer> waited = new ArrayList<>();
		for (int i = 0; i < latencies.size(); i++) {
			if (latencies.get(i).compareTo(SLOW_OPEN) >= 0) {
				waited.add(i);
			}
		}
		return waited;
	}

	private static Map<Integer, Long> messagesPerConnection(FaultProxy proxy) {
		return proxy.commands()
			.stream()
			.filter((command) -> command.verb().equals("MAIL"))
			.collect(Collectors.groupingBy(ProxiedCommand::connection, Collectors.counting()));
	}

}
