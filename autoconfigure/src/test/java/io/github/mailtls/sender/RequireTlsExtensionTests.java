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

import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.Message;

import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
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
 * REQUIRETLS (RFC 8689): required when configured, carried on MAIL FROM, and waived per
 * message by the header {@code TLS-Required: No}.
 */
class RequireTlsExtensionTests {

	@Test
	void sendWhenServerAdvertisesRequireTlsShouldAddItToMailFrom() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.advertise("REQUIRETLS")
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.require-tls-extension=true").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.requireTlsUsed()).isTrue();
			});
			assertThat(server.commands()).contains("MAIL FROM:<sender@example.org> REQUIRETLS");
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void sendWhenServerDoesNotAdvertiseRequireTlsShouldRefuseBeforeMailFrom() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.require-tls-extension=true").run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex.getFailedMessages().values().iterator().next()).getReason())
					.isEqualTo(RefusalReason.REQUIRETLS_NOT_OFFERED);
				assertThat(ex).hasMessageContaining("requiretls_not_offered").hasMessageContaining("TLS-Required: No");
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.reason()).isEqualTo(RefusalReason.REQUIRETLS_NOT_OFFERED);
				assertThat(record.protocol()).isNotNull();
			});
			assertThat(server.commands()).noneMatch((command) -> command.startsWith("MAIL"));
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void sendWithTlsRequiredNoHeaderShouldSkipRequireTlsButStillUseTls() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.require-tls-extension=true").run((context) -> {
				MimeMessage waived = message(context.getBean(JavaMailSender.class), "No");
				MimeMessage required = message(context.getBean(JavaMailSender.class), null);
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(waived, required));
				assertThat(ex.getFailedMessages()).containsOnlyKeys(required);
			});
			assertThat(server.commands()).filteredOn((command) -> command.startsWith("MAIL"))
				.containsExactly("MAIL FROM:<sender@example.org>");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.overTls()).isTrue());
		}
	}

	private static MimeMessage message(JavaMailSender sender, String tlsRequired) throws Exception {
		MimeMessage message = sender.createMimeMessage();
		message.setFrom(new InternetAddress("sender@example.org"));
		message.setRecipients(MimeMessage.RecipientType.TO, "rcpt@example.org");
		message.setSubject("REQUIRETLS");
		message.setText("body");
		if (tlsRequired != null) {
			message.setHeader("TLS-Required", tlsRequired);
		}
		return message;
	}

	@Test
	void messageOptingOutOverAReusedConnectionShouldBeRecordedWithoutRequireTls() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.advertise("REQUIRETLS")
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.require-tls-extension=true").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(SenderContexts.message());
				MimeMessage optOut = sender.createMimeMessage();
				new MimeMessageHelper(optOut).setFrom("sender@example.org");
				optOut.setRecipients(Message.RecipientType.TO, "rcpt@example.org");
				optOut.setText("No REQUIRETLS needed");
				optOut.setHeader("TLS-Required", "No");
				sender.send(optOut);
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records).hasSize(2);
				assertThat(records.get(0).requireTlsUsed()).isTrue();
				assertThat(records.get(0).connectionReused()).isFalse();
				assertThat(records.get(1).connectionReused()).isTrue();
				assertThat(records.get(1).requireTlsUsed()).isFalse();
			});
			assertThat(server.connectionCount()).isEqualTo(1);
			assertThat(server.commands()).filteredOn((command) -> command.startsWith("MAIL"))
				.containsExactly("MAIL FROM:<sender@example.org> REQUIRETLS", "MAIL FROM:<sender@example.org>");
		}
	}

}
