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

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.testsupport.ReceivedMessage;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Sends with required STARTTLS to in-process servers.
 */
class StartTlsSendTests {

	@Test
	void sendWhenStartTlsIsOfferedShouldUpgradeAndRecordTheSession() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=starttls").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				ReceivedMessage received = server.messages().get(0);
				assertThat(received.overTls()).isTrue();
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
				assertThat(record.security()).isEqualTo(TransportSecurity.STARTTLS);
				assertThat(record.startTlsAdvertised()).isTrue();
				assertThat(record.protocol()).isEqualTo(received.tlsProtocol()).isEqualTo("TLSv1.3");
				assertThat(record.cipherSuite()).isEqualTo(received.tlsCipherSuite());
				assertThat(record.peerCertificateVerified()).isTrue();
				assertThat(record.certificate().subject()).contains("CN=localhost");
				assertThat(record.certificate().spkiSha256()).isEqualTo(MailTlsFixtures.LOCALHOST.spkiSha256Pin());
				assertThat(record.certificate().notAfter())
					.isEqualTo(MailTlsFixtures.LOCALHOST.certificate().getNotAfter().toInstant());
				assertThat(record.host()).isEqualTo("localhost");
				assertThat(record.port()).isEqualTo(server.port());
				assertThat(record.messageCount()).isOne();
			});
		}
	}

	@Test
	void sendWithDefaultModeOnAnyPortButImplicitShouldRequireStartTls() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			SenderContexts.forPort(server.port()).run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.STARTTLS_NOT_OFFERED);
			});
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void sendWhenStartTlsIsNotAdvertisedShouldRefuseAfterEhlo() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().auth("user", "secret").start()) {
			SenderContexts
				.forPort(server.port(), "mail.tls.mode=starttls", "spring.mail.username=user",
						"spring.mail.password=secret")
				.run((context) -> {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					MailTlsPolicyException refusal = MailTlsPolicyException.findIn(ex);
					assertThat(refusal.getReason()).isEqualTo(RefusalReason.STARTTLS_NOT_OFFERED);
					assertThat(ex).hasMessageContaining("localhost:" + server.port())
						.hasMessageContaining("mail.tls.mode=starttls")
						.hasMessageContaining("did not advertise STARTTLS");
					assertThat(ex.getFailedMessages()).hasSize(1);
					TlsSendRecord record = context.getBean(RecordingListener.class).single();
					assertThat(record.outcome()).isEqualTo(SendOutcome.REFUSED);
					assertThat(record.reason()).isEqualTo(RefusalReason.STARTTLS_NOT_OFFERED);
					assertThat(record.security()).isEqualTo(TransportSecurity.STARTTLS);
					assertThat(record.protocol()).isNull();
				});
			assertThat(server.commands()).allMatch((command) -> command.startsWith("EHLO"));
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void sendWhenServerRefusesStartTlsShouldRefuse() {
		try (SmtpTestServer server = SmtpTestServer.builder().refuseStartTls().start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=starttls").run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.STARTTLS_FAILED);
				assertThat(ex).hasMessageContaining("454");
			});
			assertThat(server.commands()).noneMatch((command) -> command.startsWith("MAIL"));
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void sendWithCipherSuiteAllowListShouldNegotiateOnlyThatSuite() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts
				.forPort(server.port(), "mail.tls.mode=starttls", "mail.tls.cipher-suites=TLS_AES_128_GCM_SHA256")
				.run((context) -> {
					context.getBean(JavaMailSender.class).send(SenderContexts.message());
					assertThat(context.getBean(RecordingListener.class).single().cipherSuite())
						.isEqualTo("TLS_AES_128_GCM_SHA256");
				});
			assertThat(server.messages().get(0).tlsCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
		}
	}

}
