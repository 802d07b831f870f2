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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.pool.MailTlsPoolExhaustedException;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.ScriptedSmtpServer;
import io.github.mailtls.testsupport.SmtpDialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every message of a send is either delivered or named in the exception, nothing
 * delivered is reported as failed, and every send is accounted with a real outcome, when
 * the server or the network fails at AUTH, mid-batch, at QUIT or when the pool is
 * exhausted. The server is scripted and plaintext: these rules do not depend on TLS.
 */
class SendAccountingTests {

	private static ApplicationContextRunner senderFor(ScriptedSmtpServer server, String... properties) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return SenderContexts
			.forPort(server.port(), "mail.tls.mode=none", "mail.tls.allow-plaintext-auth=true",
					"spring.mail.username=user", "spring.mail.password=secret")
			.withPropertyValues(properties)
			.withBean(MeterRegistry.class, () -> meters)
			.withBean(ObservationRegistry.class, () -> observations);
	}

	@Test
	void rejectedCredentialsShouldBeAnAuthenticationFailure() {
		SmtpDialogue dialogue = new SmtpDialogue().on("AUTH", (n) -> "535 5.7.8 Error: authentication failed");
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			senderFor(server).run((context) -> {
				MailAuthenticationException ex = catchThrowableOfType(MailAuthenticationException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(ex).hasMessageContaining("535");
				assertThat(timerCount(context.getBean(MeterRegistry.class), "failure", "MailAuthenticationException"))
					.isOne();
			});
			assertThat(dialogue.count("MAIL")).isZero();
		}
	}

	@Test
	void resetDuringAuthShouldNameEveryUnsentMessageWithTheNetworkCause() {
		SmtpDialogue dialogue = new SmtpDialogue().on("AUTH", (n) -> ScriptedSmtpServer.RESET);
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			senderFor(server).run((context) -> {
				List<MimeMessage> messages = SenderContexts.messages(context.getBean(JavaMailSender.class), 3);
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(messages.toArray(MimeMessage[]::new)));
				assertThat(ex).isNotInstanceOf(MailAuthenticationException.class)
					.hasMessageContaining("during authentication");
				assertThat(ex.getFailedMessages()).containsOnlyKeys(messages.toArray());
				assertThat(ex.getFailedMessages().values()).allSatisfy(
						(failure) -> assertThat(failure).hasRootCauseInstanceOf(java.net.SocketException.class));
				assertThat(timerCount(context.getBean(MeterRegistry.class), "failure", "MailSendException")).isOne();
			});
		}
	}

	@Test
	void batchWhoseReplacementConnectionIsResetDuringAuthShouldNameExactlyTheUnsentMessages() {
		SmtpDialogue dialogue = new SmtpDialogue().on("MAIL", (n) -> (n == 6) ? ScriptedSmtpServer.CLOSE : null)
			.on("AUTH", (n) -> (n == 2) ? ScriptedSmtpServer.RESET : null);
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			senderFor(server).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				List<MimeMessage> messages = SenderContexts.messages(sender, 10);
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(messages.toArray(MimeMessage[]::new)));
				assertThat(ex.getFailedMessages()).containsOnlyKeys(messages.subList(5, 10).toArray());
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records).extracting(TlsSendRecord::outcome)
					.containsExactly(SendOutcome.FAILURE, SendOutcome.FAILURE);
				assertThat(records).extracting(TlsSendRecord::messageCount).containsExactly(6, 4);
			});
			assertThat(dialogue.count(".")).isEqualTo(5);
		}
	}

	@Test
	void resetAtQuitAfterDeliveryShouldNotReportTheDeliveredMessageAsFailed() {
		SmtpDialogue dialogue = new SmtpDialogue().on("QUIT", (n) -> ScriptedSmtpServer.RESET);
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			senderFor(server, "mail.tls.pool.enabled=false").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(timerCount(meters, "success", "none")).isOne();
				assertThat(meters.get("mail.send.close.failed").counter().count()).isOne();
				assertThat(context.getBean(RecordingListener.class).single().outcome()).isEqualTo(SendOutcome.SUCCESS);
			});
			assertThat(dialogue.count(".")).isOne();
			assertThat(dialogue.count("QUIT")).isOne();
		}
	}

	@Test
	void giveUpWaitingForAPooledConnectionShouldBeAnAccountedFailure() {
		SmtpDialogue dialogue = new SmtpDialogue().on(".", (n) -> {
			if (n == 1) {
				sleep(3000);
			}
			return null;
		});
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(dialogue)) {
			senderFor(server, "mail.tls.pool.max-connections=1", "mail.tls.timeouts.connect=1s",
					"mail.tls.timeouts.read=5s")
				.run((context) -> {
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					CompletableFuture<Void> slow = CompletableFuture
						.runAsync(() -> sender.send(SenderContexts.message()));
					sleep(500);
					MimeMessage waiting = SenderContexts.messages(sender, 1).get(0);
					MailTlsPoolExhaustedException ex = catchThrowableOfType(MailTlsPoolExhaustedException.class,
							() -> sender.send(waiting));
					assertThat(ex.getFailedMessages()).containsOnlyKeys(waiting);
					assertThat(ex).hasMessageContaining("mail.tls.pool.max-connections");
					slow.get(10, TimeUnit.SECONDS);
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThat(timerCount(meters, "failure", "MailTlsPoolExhaustedException")).isOne();
					assertThat(timerCount(meters, "success", "none")).isOne();
					assertThat(context.getBean(RecordingListener.class).records()).extracting(TlsSendRecord::outcome)
						.containsExactlyInAnyOrder(SendOutcome.FAILURE, SendOutcome.SUCCESS);
				});
			assertThat(dialogue.count(".")).isOne();
		}
	}

	@Test
	void emptySendShouldRecordNothing() {
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start(new SmtpDialogue())) {
			senderFor(server).run((context) -> {
				context.getBean(JavaMailSender.class).send(new MimeMessage[0]);
				assertThat(context.getBean(MeterRegistry.class).find("mail.send").timers()).isEmpty();
				assertThat(context.getBean(RecordingListener.class).records()).isEmpty();
			});
			assertThat(server.commands()).isEmpty();
		}
	}

	private static long timerCount(MeterRegistry meters, String outcome, String error) {
		return meters.find("mail.send")
			.tag("outcome", outcome)
			.tag("error", error)
			.timers()
			.stream()
			.mapToLong((timer) -> timer.count())
			.sum();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
