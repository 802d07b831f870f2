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
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Only what the server says under TLS counts (RFC 3207 §4.2): capabilities announced in
 * plaintext, where anyone on the path can add them, are forgotten after STARTTLS.
 */
class PostTlsCapabilitiesTests {

	@Test
	void requireTlsAdvertisedOnlyBeforeTlsShouldNotBeUsed() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.advertiseBeforeTlsOnly("REQUIRETLS")
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.require-tls-extension=true").run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason())
					.isEqualTo(RefusalReason.REQUIRETLS_NOT_OFFERED);
			});
			assertThat(server.commands()).noneMatch((command) -> command.startsWith("MAIL"));
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void failedEhloAfterStartTlsShouldRefuseTheSend() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.advertiseBeforeTlsOnly("REQUIRETLS")
			.rejectEhloAfterTls()
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.require-tls-extension=true").run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.STARTTLS_FAILED);
				assertThat(ex).hasMessageContaining("EHLO after STARTTLS").hasMessageContaining("554");
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.reason()).isEqualTo(RefusalReason.STARTTLS_FAILED);
				assertThat(record.protocol()).isNotNull();
			});
			assertThat(server.commands()).filteredOn((command) -> command.startsWith("EHLO")).hasSize(2);
			assertThat(server.commands()).noneMatch((command) -> command.startsWith("MAIL"))
				.noneMatch((command) -> command.startsWith("AUTH"));
			assertThat(server.messages()).isEmpty();
		}
	}

}
