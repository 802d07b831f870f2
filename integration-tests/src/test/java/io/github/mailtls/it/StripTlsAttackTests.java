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
package io.github.mailtls.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.StripTlsProxy;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static io.github.mailtls.it.PostfixContainer.STARTTLS_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A man in the middle in front of Postfix's port 587 deletes STARTTLS from the EHLO reply
 * (STRIPTLS) and records every byte the client sends. The starter stops after EHLO;
 * Spring Boot's own sender, configured the usual way, submits the message in clear.
 */
@Testcontainers(disabledWithoutDocker = true)
class StripTlsAttackTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@Test
	void sendWhenStartTlsIsStrippedShouldRefuseAndSendNothingAfterEhlo() {
		String subject = PostfixSenderContexts.uniqueSubject("stripped starter");
		LogMark mark = postfix.logMark();
		try (StripTlsProxy proxy = StripTlsProxy.stripping(postfix.getHost(), postfix.mappedPort(STARTTLS_PORT))) {
			PostfixSenderContexts.forAddress(postfix, "localhost", proxy.port(), this.listener).run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
				assertThat(MailTlsPolicyException.findIn(ex)).extracting(MailTlsPolicyException::getReason)
					.isEqualTo(RefusalReason.STARTTLS_NOT_OFFERED);
			});
			assertThat(proxy.serverText()).startsWith("220 ").contains("250").doesNotContain("STARTTLS");
			assertThat(proxy.clientText()).startsWith("EHLO ")
				.doesNotContain("STARTTLS")
				.doesNotContain("AUTH")
				.doesNotContain("MAIL FROM")
				.doesNotContain("RCPT TO")
				.doesNotContain("DATA")
				.doesNotContain(postfix.getPassword())
				.doesNotContain(base64(postfix.getPassword()))
				.doesNotContain(PostfixSenderContexts.body(subject));
		}
		assertThat(this.listener.single().reason()).isEqualTo(RefusalReason.STARTTLS_NOT_OFFERED);
		SmtpSession session = postfix.awaitSession(mark, STARTTLS_PORT);
		assertThat(session.sent("ehlo")).as(session.line()).isTrue();
		assertThat(session.sent("starttls")).as(session.line()).isFalse();
		PostfixAssertions.assertNothingSubmitted(session);
		assertThat(postfix.deliveredMessages()).noneMatch((message) -> message.contains(subject));
	}

	@Test
	void sendWithBootDefaultSenderWhenStartTlsIsStrippedShouldSubmitTheMessageInClear() {
		String subject = PostfixSenderContexts.uniqueSubject("stripped boot");
		LogMark mark = postfix.logMark();
		try (StripTlsProxy proxy = StripTlsProxy.stripping(postfix.getHost(), postfix.mappedPort(STARTTLS_PORT))) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
				.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + proxy.port(),
						"spring.mail.username=" + postfix.getUsername(),
						"spring.mail.password=" + postfix.getPassword(), "spring.mail.properties.mail.smtp.auth=true",
						"spring.mail.properties.mail.smtp.starttls.enable=true")
				.run((context) -> {
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					assertThat(sender).isNotInstanceOf(TlsEnforcingMailSender.class);
					sender.send(PostfixSenderContexts.message(subject));
				});
			// Postfix offers AUTH only after TLS, so the stripped reply offers none and
			// the
			// sender goes on without it: the local domain accepts unauthenticated mail.
			assertThat(proxy.clientText()).doesNotContain("STARTTLS")
				.doesNotContain("AUTH")
				.contains("MAIL FROM:<sender@example.org>")
				.contains("RCPT TO:<" + PostfixSenderContexts.RECIPIENT + ">")
				.contains("DATA")
				.contains("Subject: " + subject)
				.contains(PostfixSenderContexts.body(subject));
		}
		String message = postfix.awaitMessage(subject);
		assertThat(message).contains("with ESMTP ");
		assertThat(PostfixContainer.receivedTls(message)).isEmpty();
		SmtpSession session = postfix.awaitSession(mark, STARTTLS_PORT);
		assertThat(session.commands()).as(session.line())
			.doesNotContainKeys("starttls", "auth")
			.containsEntry("mail", "1")
			.containsEntry("data", "1");
		assertThat(postfix.tlsConnectionsSince(mark)).isEmpty();
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
