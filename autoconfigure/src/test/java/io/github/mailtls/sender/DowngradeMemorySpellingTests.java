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
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.StripTlsProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Spelling the host differently does not evade the downgrade memory. A sender's host is
 * fixed, so a second sender with another spelling shares the first one's memory through
 * {@code mail.tls.downgrade-memory-file}, as after a restart with edited configuration.
 */
class DowngradeMemorySpellingTests {

	@Test
	void strippedServerReachedUnderAnotherSpellingShouldBeRefusedAsDowngrade(@TempDir Path directory) throws Exception {
		Path memory = directory.resolve("starttls-memory");
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port())) {
			String[] properties = { "mail.tls.mode=opportunistic", "mail.tls.pool.enabled=false",
					"mail.tls.downgrade-memory-file=" + memory };
			SenderContexts.forPort(proxy.port(), properties)
				.run((context) -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(Files.readAllLines(memory)).containsExactly("localhost:" + proxy.port());
			proxy.stripStartTls(true);
			proxy.clearRecording();
			SenderContexts.forPort(proxy.port(), properties)
				.withPropertyValues("spring.mail.host=LOCALHOST")
				.run((context) -> {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(MailTlsPolicyException.findIn(ex).getReason())
						.isEqualTo(RefusalReason.DOWNGRADE_DETECTED);
				});
			// The first connection's encrypted tail may still arrive after
			// clearRecording(); it holds no plaintext.
			assertThat(proxy.clientText()).contains("EHLO ")
				.doesNotContain("AUTH")
				.doesNotContain("MAIL FROM")
				.doesNotContain("DATA");
			assertThat(server.messages()).hasSize(1);
		}
	}

}
