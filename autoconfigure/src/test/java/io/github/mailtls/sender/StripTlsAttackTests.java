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

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.StripTlsProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A man in the middle deletes STARTTLS from the server's EHLO reply (STRIPTLS) and
 * records every byte the client sends. The enforcing sender stops after EHLO; Spring
 * Boot's default sender, configured as usual, carries on in clear.
 */
class StripTlsAttackTests {

	private static final String PASSWORD = "s3cret-Passw0rd";

	@Test
	void enforcingSenderShouldSendNothingAfterEhloWhenStartTlsIsStripped() {
		try (SmtpTestServer server = vulnerableServer();
				StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port())) {
			SenderContexts.forPort(proxy.port(), "spring.mail.username=user", "spring.mail.password=" + PASSWORD)
				.run((context) -> {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(MailTlsPolicyException.findIn(ex).getReason())
						.isEqualTo(RefusalReason.STARTTLS_NOT_OFFERED);
				});
			assertThat(proxy.serverText()).contains("AUTH").doesNotContain("STARTTLS");
			assertThat(proxy.clientText()).startsWith("EHLO ")
				.doesNotContain("AUTH")
				.doesNotContain("MAIL FROM")
				.doesNotContain("RCPT TO")
				.doesNotContain("DATA")
				.doesNotContain(PASSWORD)
				.doesNotContain(base64(PASSWORD));
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void bootDefaultSenderShouldLeakCredentialsAndMessageWhenStartTlsIsStripped() {
		try (SmtpTestServer server = vulnerableServer();
				StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port())) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
				.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + proxy.port(),
						"spring.mail.username=user", "spring.mail.password=" + PASSWORD,
						"spring.mail.properties.mail.smtp.auth=true",
						"spring.mail.properties.mail.smtp.starttls.enable=true")
				.run((context) -> {
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					assertThat(sender).isNotInstanceOf(TlsEnforcingMailSender.class);
					sender.send(SenderContexts.message());
				});
			assertThat(proxy.clientText()).contains("AUTH ")
				.contains(base64(PASSWORD))
				.contains("MAIL FROM:<sender@example.org>")
				.contains("DATA")
				.contains("Hello over TLS");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.overTls()).isFalse());
		}
	}

	private static SmtpTestServer vulnerableServer() {
		// Offers STARTTLS, but also AUTH before it: what many submission servers do.
		return SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("user", PASSWORD)
			.authBeforeStartTls(true)
			.start();
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
