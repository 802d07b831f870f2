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
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.StripTlsProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The explicit opt-in modes: 'opportunistic' upgrades when it can and never sends
 * credentials in clear; 'none' is plaintext and says so in its records.
 */
class PlaintextModesTests {

	@Test
	void opportunisticWhenStartTlsIsOfferedShouldUpgrade() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=opportunistic").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.security()).isEqualTo(TransportSecurity.STARTTLS);
				assertThat(record.protocol()).isNotNull();
			});
			assertThat(server.messages().get(0).overTls()).isTrue();
		}
	}

	@Test
	void opportunisticWithoutStartTlsShouldSendInPlaintextAndSaySo() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=opportunistic").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.security()).isEqualTo(TransportSecurity.NONE);
				assertThat(record.protocol()).isNull();
				assertThat(record.startTlsAdvertised()).isFalse();
			});
			assertThat(server.messages().get(0).overTls()).isFalse();
		}
	}

	@Test
	void opportunisticWithoutStartTlsShouldNeverSendCredentials() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().auth("user", "secret").start();
				StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port())) {
			SenderContexts
				.forPort(proxy.port(), "mail.tls.mode=opportunistic", "spring.mail.username=user",
						"spring.mail.password=secret")
				.run((context) -> {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(MailTlsPolicyException.findIn(ex).getReason())
						.isEqualTo(RefusalReason.PLAINTEXT_REFUSED);
					assertThat(ex).hasMessageContaining("mail.tls.allow-plaintext-auth");
				});
			assertThat(proxy.serverText()).contains("AUTH");
			assertThat(proxy.clientText()).doesNotContain("AUTH").doesNotContain("MAIL FROM");
		}
	}

	@Test
	void opportunisticWithPlaintextAuthAllowedShouldAuthenticateInClear() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().auth("user", "secret").start()) {
			SenderContexts
				.forPort(server.port(), "mail.tls.mode=opportunistic", "mail.tls.allow-plaintext-auth=true",
						"spring.mail.username=user", "spring.mail.password=secret")
				.run((context) -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(server.commands()).anyMatch((command) -> command.startsWith("AUTH"));
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void noneShouldSendInPlaintextEvenWhenStartTlsIsOffered() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=none").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.security()).isEqualTo(TransportSecurity.NONE);
				assertThat(record.startTlsAdvertised()).isTrue();
			});
			assertThat(server.commands()).noneMatch((command) -> command.startsWith("STARTTLS"));
			assertThat(server.messages().get(0).overTls()).isFalse();
		}
	}

}
