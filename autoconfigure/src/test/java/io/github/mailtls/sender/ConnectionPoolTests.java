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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.ReceivedMessage;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.StripTlsProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Reuse of verified connections across sends, against a real in-process TLS server.
 */
class ConnectionPoolTests {

	@Test
	void sequentialSendsShouldReuseOneVerifiedConnection() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			// Without the alive-bypass window every reuse is checked with RSET.
			SenderContexts.forPort(server.port(), "mail.tls.pool.alive-bypass-window=0").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				for (int i = 0; i < 20; i++) {
					sender.send(SenderContexts.message());
				}
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records).hasSize(20)
					.allSatisfy((record) -> assertThat(record.protocol()).isEqualTo("TLSv1.3"));
				assertThat(records).extracting(TlsSendRecord::connectionReused)
					.containsExactly(false, true, true, true, true, true, true, true, true, true, true, true, true,
							true, true, true, true, true, true, true);
			});
			assertThat(server.connectionCount()).isOne();
			assertThat(server.messages()).hasSize(20).allSatisfy((message) -> assertThat(message.overTls()).isTrue());
			assertThat(commandCounts(server)).containsEntry("STARTTLS", 1L)
				.containsEntry("RSET", 19L)
				.containsEntry("QUIT", 1L);
		}
	}

	@Test
	void sendsWithPoolingDisabledShouldOpenAConnectionEachAndResumeTheTlsSession() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.pool.enabled=false").run((context) -> {
				for (int i = 0; i < 3; i++) {
					context.getBean(JavaMailSender.class).send(SenderContexts.message());
				}
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records).extracting(TlsSendRecord::connectionReused).containsOnly(false);
				assertThat(records).extracting(TlsSendRecord::tlsSessionResumed).containsExactly(false, true, true);
				assertThat(records).allSatisfy((record) -> assertThat(record.certificate()).isNotNull());
			});
			assertThat(server.connectionCount()).isEqualTo(3);
		}
	}

	@Test
	void serverRestartShouldReportEveryFailedSendAndReconnectAfterwards() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port())) {
			SenderContexts.forPort(proxy.port()).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sendNumbered(sender, 0, 5);
				proxy.serverDown(true);
				for (int i = 5; i < 8; i++) {
					SimpleMailMessage message = numbered(i);
					MailSendException ex = catchThrowableOfType(MailSendException.class, () -> sender.send(message));
					assertThat(ex.getFailedMessages()).containsOnlyKeys(message);
				}
				proxy.serverDown(false);
				sendNumbered(sender, 8, 13);
				// The first failed send finds the pooled connection closed and tries a
				// new
				// one, which cannot connect: two failed uses for that send.
				assertThat(context.getBean(RecordingListener.class).records()).extracting(TlsSendRecord::outcome)
					.containsExactly(
							successes(5, failures(4, successes(5, new ArrayList<>()))).toArray(SendOutcome[]::new));
			});
			assertThat(server.messages()).extracting(ReceivedMessage::dataAsString)
				.map((data) -> data.substring(data.indexOf("message-")).trim())
				.containsExactly("message-0", "message-1", "message-2", "message-3", "message-4", "message-8",
						"message-9", "message-10", "message-11", "message-12");
		}
	}

	@Test
	void concurrentSendsShouldDeliverEveryMessageExactlyOnceAndCloseEveryConnection() throws Exception {
		int threads = 4;
		int perThread = 500;
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			SenderContexts.forPort(server.port(), "mail.tls.pool.max-messages-per-connection=1000")
				.withBean(ObservationRegistry.class, () -> observations)
				.run((context) -> {
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					ExecutorService executor = Executors.newFixedThreadPool(threads);
					try {
						List<Future<?>> futures = new ArrayList<>();
						for (int thread = 0; thread < threads; thread++) {
							int first = thread * perThread;
							futures.add(executor.submit(() -> sendNumbered(sender, first, first + perThread)));
						}
						for (Future<?> future : futures) {
							future.get(2, TimeUnit.MINUTES);
						}
					}
					finally {
						executor.shutdownNow();
					}
					assertThat(context.getBean(RecordingListener.class).records()).hasSize(threads * perThread)
						.allSatisfy((record) -> assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS));
				});
			assertThat(meters.get("mail.send").tag("outcome", "success").timer().count())
				.isEqualTo(threads * perThread);
			assertThat(meters.get("mail.send").timers()).hasSize(1);
			List<String> bodies = server.messages()
				.stream()
				.map(ReceivedMessage::dataAsString)
				.map((data) -> data.substring(data.indexOf("message-")).trim())
				.toList();
			assertThat(bodies).hasSize(threads * perThread).doesNotHaveDuplicates();
			assertThat(server.connectionCount()).isBetween(1, threads);
			// Closing the context closed every pooled connection with QUIT: nothing
			// leaks.
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(commandCounts(server)).containsEntry("QUIT", (long) server.connectionCount()));
		}
	}

	@Test
	void idleConnectionShouldBeClosedAfterTheIdleTimeout() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.pool.idle-timeout=1s").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(commandCounts(server)).containsEntry("QUIT", 1L));
			});
		}
	}

	@Test
	void connectionShouldBeReplacedAfterMaxMessages() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			// Without open-ahead, which may open one more successor before the sends
			// stop.
			SenderContexts
				.forPort(server.port(), "mail.tls.pool.max-messages-per-connection=2", "mail.tls.pool.open-ahead=false")
				.run((context) -> sendNumbered(context.getBean(JavaMailSender.class), 0, 5));
			assertThat(server.connectionCount()).isEqualTo(3);
			assertThat(server.messages()).hasSize(5);
		}
	}

	private static void sendNumbered(JavaMailSender sender, int from, int to) {
		for (int i = from; i < to; i++) {
			sender.send(numbered(i));
		}
	}

	private static SimpleMailMessage numbered(int number) {
		SimpleMailMessage message = SenderContexts.message();
		message.setText("message-" + number);
		return message;
	}

	private static List<SendOutcome> successes(int count, List<SendOutcome> tail) {
		return repeat(SendOutcome.SUCCESS, count, tail);
	}

	private static List<SendOutcome> failures(int count, List<SendOutcome> tail) {
		return repeat(SendOutcome.FAILURE, count, tail);
	}

	private static List<SendOutcome> repeat(SendOutcome outcome, int count, List<SendOutcome> tail) {
		List<SendOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			outcomes.add(outcome);
		}
		outcomes.addAll(tail);
		return outcomes;
	}

	private static java.util.Map<String, Long> commandCounts(SmtpTestServer server) {
		return server.commands()
			.stream()
			.map((command) -> command.split(" ")[0])
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

}
