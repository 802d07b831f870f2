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
import java.util.function.IntPredicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.Fault;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.ReceivedMessage;
import io.github.mailtls.testsupport.ScriptedSmtpServer;
import io.github.mailtls.testsupport.SmtpDialogue;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Server replies that fail one message of a batch, with the pool on and off: a
 * {@code 421} (the server closes the connection) moves the rest of the batch to a new
 * connection, a {@code 451} (temporary failure) keeps the connection, and a connection
 * that stops answering after a failed message is given up within the validation timeout,
 * not the read timeout. In every case the failed message, and only it, is named in the
 * exception, and every other message reached the server once.
 *
 * @author mail-tls
 */
class FailureReplyTests {

	private static final String READ_10S = "mail.tls.timeouts.read=10s";

	// Far above what the code needs and far below the read timeout the waits used to
	// take.
	private static final Duration MARGIN = Duration.ofMillis(2500);

	@ParameterizedTest(name = "pooled={0}")
	@ValueSource(booleans = { true, false })
	void serviceClosingAtMailFromShouldNameTheMessageAndSendTheRestOverANewConnection(boolean pooled) {
		SmtpDialogue dialogue = new SmtpDialogue().on("MAIL",
				(n) -> (n == 2) ? ScriptedSmtpServer.replyThenClose("421 4.3.2 Service shutting down") : null);
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			plaintextSender(server, pooled).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				assertOnlyTheSecondOfFourNamed(sender, "421");
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records).extracting(TlsSendRecord::outcome)
					.containsExactly(SendOutcome.FAILURE, SendOutcome.SUCCESS);
				assertThat(records).extracting(TlsSendRecord::messageCount).containsExactly(2, 2);
				assertThat(timerCount(context.getBean(MeterRegistry.class), "failure")).isOne();
			});
			assertThat(acceptedSubjects(server, (end) -> true)).containsExactly("message 0", "message 2", "message 3");
			assertThat(dialogue.count("EHLO")).isEqualTo(2);
		}
	}

	@Test
	void serviceClosingAtTheLastMessageShouldMakeThePoolCheckTheConnectionBeforeReuse() {
		SmtpDialogue dialogue = new SmtpDialogue().on("MAIL",
				(n) -> (n == 1) ? ScriptedSmtpServer.replyThenClose("421 4.3.2 Service shutting down") : null);
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			// Well inside the alive-bypass window: only the failure can make the pool
			// check.
			plaintextSender(server, true, "mail.tls.pool.alive-bypass-window=1m").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				MimeMessage first = SenderContexts.messages(sender, 1).get(0);
				MailSendException ex = catchThrowableOfType(MailSendException.class, () -> sender.send(first));
				assertThat(ex.getFailedMessages()).containsOnlyKeys(first);
				sender.send(SenderContexts.messages(sender, 1).get(0));
				assertThat(context.getBean(RecordingListener.class).records()).extracting(TlsSendRecord::outcome)
					.containsExactly(SendOutcome.FAILURE, SendOutcome.SUCCESS);
			});
			assertThat(acceptedSubjects(server, (end) -> true)).containsExactly("message 0");
			assertThat(dialogue.count("EHLO")).isEqualTo(2);
		}
	}

	@ParameterizedTest(name = "pooled={0}")
	@ValueSource(booleans = { true, false })
	void temporaryFailureAtEndOfDataShouldNameTheMessageAndKeepTheConnection(boolean pooled) {
		SmtpDialogue dialogue = new SmtpDialogue().on(".",
				(n) -> (n == 2) ? "451 4.3.0 Error: queue file write error" : null);
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			plaintextSender(server, pooled).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				assertOnlyTheSecondOfFourNamed(sender, "451");
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.outcome()).isEqualTo(SendOutcome.FAILURE);
				assertThat(record.messageCount()).isEqualTo(4);
				assertThat(timerCount(context.getBean(MeterRegistry.class), "failure")).isOne();
			});
			assertThat(acceptedSubjects(server, (end) -> end != 2)).containsExactly("message 0", "message 2",
					"message 3");
			assertThat(dialogue.count("EHLO")).isOne();
		}
	}

	@ParameterizedTest(name = "pooled={0}")
	@ValueSource(booleans = { true, false })
	void temporaryFailureAtRcptShouldNameTheMessageAndKeepTheConnection(boolean pooled) throws Exception {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			proxy.inject(0, Fault.answer("RCPT", 2, "451 4.3.0 Try again later"));
			tlsSender(proxy, pooled).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				List<MimeMessage> messages = SenderContexts.messages(sender, 4);
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(messages.toArray(MimeMessage[]::new)));
				assertThat(ex.getFailedMessages()).containsOnlyKeys(messages.get(1));
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.outcome()).isEqualTo(SendOutcome.FAILURE);
				assertThat(record.messageCount()).isEqualTo(4);
				assertThat(timerCount(context.getBean(MeterRegistry.class), "failure")).isOne();
			});
			assertThat(subjects(server)).containsExactly("message 0", "message 2", "message 3");
			assertThat(proxy.connectionCount()).isOne();
		}
	}

	@ParameterizedTest(name = "pooled={0}")
	@ValueSource(booleans = { true, false })
	void connectionThatStallsAfterAFailedMessageShouldBeReplacedWithinTheValidationTimeout(boolean pooled)
			throws Exception {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			// The server refuses the first recipient, then stops answering: Angus' own
			// RSET after the failure gets no reply.
			proxy.inject(0, Fault.answer("RCPT", 1, "451 4.3.0 Try again later"), Fault.stallAt("RSET", 1));
			// Pooled: the configured 500 ms; without the pool: the default, half the
			// read timeout capped at 2 s.
			Duration check = pooled ? Duration.ofMillis(500) : Duration.ofSeconds(2);
			tlsSender(proxy, pooled, "mail.tls.pool.validation-timeout=500ms").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				List<MimeMessage> messages = SenderContexts.messages(sender, 3);
				long start = System.nanoTime();
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(messages.toArray(MimeMessage[]::new)));
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				assertThat(elapsed).isLessThan(check.plus(MARGIN));
				assertThat(ex.getFailedMessages()).containsOnlyKeys(messages.get(0));
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records).extracting(TlsSendRecord::outcome)
					.containsExactly(SendOutcome.FAILURE, SendOutcome.SUCCESS);
				assertThat(records).extracting(TlsSendRecord::messageCount).containsExactly(1, 2);
			});
			assertThat(subjects(server)).containsExactly("message 1", "message 2");
			assertThat(proxy.connectionCount()).isEqualTo(2);
		}
	}

	private static ApplicationContextRunner plaintextSender(ScriptedSmtpServer server, boolean pooled,
			String... properties) {
		return withMeters(
				SenderContexts.forPort(server.port(), "mail.tls.mode=none", "mail.tls.allow-plaintext-auth=true",
						"spring.mail.username=user", "spring.mail.password=secret", "mail.tls.pool.enabled=" + pooled))
			.withPropertyValues(properties);
	}

	private static ApplicationContextRunner tlsSender(FaultProxy proxy, boolean pooled, String... properties) {
		return withMeters(SenderContexts.forPort(proxy.port(), READ_10S, "mail.tls.pool.enabled=" + pooled))
			.withPropertyValues(properties);
	}

	private static ApplicationContextRunner withMeters(ApplicationContextRunner runner) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return runner.withBean(MeterRegistry.class, () -> meters)
			.withBean(ObservationRegistry.class, () -> observations);
	}

	private static long timerCount(MeterRegistry meters, String outcome) {
		return meters.find("mail.send")
			.tag("outcome", outcome)
			.timers()
			.stream()
			.mapToLong((timer) -> timer.count())
			.sum();
	}

	private static List<String> subjects(SmtpTestServer server) {
		return server.messages().stream().map(ReceivedMessage::dataAsString).map(FailureReplyTests::subject).toList();
	}

	private static @Nullable String subject(String data) {
		return data.lines()
			.filter((line) -> line.startsWith("Subject: "))
			.map((line) -> line.substring("Subject: ".length()))
			.findFirst()
			.orElse(null);
	}

	// The subjects of the messages whose end of data the server accepted, the nth end
	// of data (from 1) being accepted when the predicate says so.
	private static List<String> acceptedSubjects(ScriptedSmtpServer server, IntPredicate accepted) {
		List<String> subjects = new ArrayList<>();
		boolean inData = false;
		String subject = null;
		int ends = 0;
		for (String line : server.commands()) {
			if (!inData) {
				inData = line.equalsIgnoreCase("DATA");
				continue;
			}
			if (line.equals(".")) {
				inData = false;
				ends++;
				if (accepted.test(ends) && subject != null) {
					subjects.add(subject);
				}
				subject = null;
			}
			else if (line.startsWith("Subject: ")) {
				subject = line.substring("Subject: ".length());
			}
		}
		return subjects;
	}

	// A batch of four in which only the second message fails, with the given reply code.
	private static void assertOnlyTheSecondOfFourNamed(JavaMailSender sender, String code) {
		List<MimeMessage> messages = SenderContexts.messages(sender, 4);
		MailSendException ex = catchThrowableOfType(MailSendException.class,
				() -> sender.send(messages.toArray(MimeMessage[]::new)));
		assertThat(ex.getFailedMessages()).containsOnlyKeys(messages.get(1));
		assertThat(ex.getFailedMessages().get(messages.get(1))).hasMessageContaining(code);
	}

}
