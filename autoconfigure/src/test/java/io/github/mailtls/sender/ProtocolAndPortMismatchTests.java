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

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Refuses protocol versions outside the policy, and explains both port/mode mismatches
 * within the configured timeouts.
 */
class ProtocolAndPortMismatchTests {

	@Test
	void sendToTls12OnlyServerWhenOnlyTls13IsAllowedShouldRefuse() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.tlsProtocols("TLSv1.2")
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=implicit", "mail.tls.protocols=TLSv1.3")
				.run((context) -> {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(MailTlsPolicyException.findIn(ex).getReason())
						.isEqualTo(RefusalReason.PROTOCOL_NOT_ALLOWED);
					assertThat(ex).hasMessageContaining("mail.tls.protocols");
				});
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void sendToTls12OnlyServerWithDefaultProtocolsShouldUseTls12() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.tlsProtocols("TLSv1.2")
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=starttls").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				assertThat(context.getBean(RecordingListener.class).single().protocol()).isEqualTo("TLSv1.2");
			});
			assertThat(server.messages().get(0).tlsProtocol()).isEqualTo("TLSv1.2");
		}
	}

	@Test
	void sendImplicitTlsToStartTlsPortShouldExplainTheMismatch() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=implicit").run((context) -> {
				long start = System.nanoTime();
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.PLAINTEXT_REFUSED);
				assertThat(ex).hasMessageContaining("localhost:" + server.port() + " answered in plaintext")
					.hasMessageContaining("Use mail.tls.mode=starttls, or port 465");
			});
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void sendStartTlsToImplicitTlsPortShouldExplainTheMismatchWithinTheReadTimeout() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=starttls", "mail.tls.timeouts.read=1s")
				.run((context) -> {
					long start = System.nanoTime();
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
							Duration.ofSeconds(3));
					assertThat(MailTlsPolicyException.findIn(ex)).isNull();
					assertThat(ex)
						.hasMessageContaining(
								"localhost:" + server.port() + " accepted the connection but sent no SMTP greeting")
						.hasMessageContaining("mail.tls.mode=implicit");
					assertThat(context.getBean(RecordingListener.class).single().outcome())
						.isEqualTo(SendOutcome.FAILURE);
				});
		}
	}

}
