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

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * A server that offered STARTTLS before and stops offering it is treated as a downgrade
 * attack: the sender remembers per host and port. Pooling is off so that the second send
 * opens a new connection, which the attacker then controls.
 */
class DowngradeDetectionTests {

	private static final String NO_POOL = "mail.tls.pool.enabled=false";

	@Test
	void opportunisticSendAfterStartTlsWasStrippedShouldBeRefusedAsDowngrade() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port())) {
			SenderContexts.forPort(proxy.port(), "mail.tls.mode=opportunistic", NO_POOL).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(SenderContexts.message());
				proxy.stripStartTls(true);
				proxy.clearRecording();
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.DOWNGRADE_DETECTED);
				assertThat(ex).hasMessageContaining("STRIPTLS");
				assertThat(context.getBean(RecordingListener.class).records()).extracting(TlsSendRecord::security)
					.containsExactly(TransportSecurity.STARTTLS, TransportSecurity.NONE);
			});
			// The first connection's encrypted tail may still arrive after
			// clearRecording(); it holds no plaintext.
			assertThat(proxy.clientText()).contains("EHLO ").doesNotContain("MAIL FROM").doesNotContain("DATA");
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void requiredStartTlsShouldReportAStrippedKnownServerAsDowngrade() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port())) {
			SenderContexts.forPort(proxy.port(), "mail.tls.mode=starttls", NO_POOL).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(SenderContexts.message());
				proxy.stripStartTls(true);
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.DOWNGRADE_DETECTED);
			});
		}
	}

	@Test
	void downgradeShouldBeDetectedAfterARestartWhenRememberedInAFile(@TempDir Path directory) throws Exception {
		Path memory = directory.resolve("starttls-memory");
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port())) {
			String[] properties = { "mail.tls.mode=opportunistic", NO_POOL,
					"mail.tls.downgrade-memory-file=" + memory };
			SenderContexts.forPort(proxy.port(), properties)
				.run((context) -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(Files.readAllLines(memory)).containsExactly("localhost:" + proxy.port());
			proxy.stripStartTls(true);
			SenderContexts.forPort(proxy.port(), properties).run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.DOWNGRADE_DETECTED);
			});
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void opportunisticSendToAServerThatNeverOfferedStartTlsShouldStillSend() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=opportunistic").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(SenderContexts.message());
				sender.send(SenderContexts.message());
			});
			assertThat(server.messages()).hasSize(2);
		}
	}

}
