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

import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.it.PostfixContainer.TlsConnection;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static io.github.mailtls.it.PostfixContainer.STARTTLS_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Postfix's submission port 587, which offers STARTTLS and AUTH only after it: the modes
 * that upgrade deliver with AUTH over the TLS that Postfix logged, implicit TLS is
 * refused with an explanation, and startup verification never authenticates.
 */
@Testcontainers(disabledWithoutDocker = true)
class StartTlsPortTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@ParameterizedTest(name = "mail.tls.mode={0}")
	@ValueSource(strings = { "auto", "starttls", "opportunistic" })
	void sendWhenModeUpgradesWithStartTlsShouldAuthenticateAndDeliverOverTheLoggedTls(String mode) {
		String subject = PostfixSenderContexts.uniqueSubject("587 " + mode);
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, STARTTLS_PORT, this.listener, "mail.tls.mode=" + mode)
			.run((context) -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
		TlsSendRecord record = this.listener.single();
		assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
		assertThat(record.security()).isEqualTo(TransportSecurity.STARTTLS);
		assertThat(record.startTlsAdvertised()).isTrue();
		assertThat(record.peerCertificateVerified()).isTrue();
		assertThat(record.port()).isEqualTo(postfix.mappedPort(STARTTLS_PORT));
		TlsConnection logged = postfix.awaitTlsConnection(mark, STARTTLS_PORT);
		PostfixAssertions.assertSameTls(record, logged);
		String message = postfix.awaitMessage(subject);
		assertThat(message).contains("with ESMTPSA").contains(PostfixSenderContexts.body(subject));
		assertThat(PostfixContainer.receivedTls(message)).contains(logged.tls());
		SmtpSession session = postfix.awaitSession(mark, STARTTLS_PORT);
		assertThat(session.commands()).as(session.line())
			.containsEntry("starttls", "1")
			.containsEntry("auth", "1")
			.containsEntry("mail", "1")
			.containsEntry("data", "1");
	}

	@Test
	void sendWhenModeIsImplicitShouldRefuseBecauseThePortAnswersInPlaintext() {
		String subject = PostfixSenderContexts.uniqueSubject("587 implicit");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, STARTTLS_PORT, this.listener, "mail.tls.mode=implicit")
			.run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
				assertThat(MailTlsPolicyException.findIn(ex)).extracting(MailTlsPolicyException::getReason)
					.isEqualTo(RefusalReason.PLAINTEXT_REFUSED);
				assertThat(ex).hasMessageContaining("answered in plaintext")
					.hasMessageContaining("mail.tls.mode=starttls");
			});
		assertThat(this.listener.single().reason()).isEqualTo(RefusalReason.PLAINTEXT_REFUSED);
		PostfixAssertions.assertNothingSubmitted(postfix.awaitSession(mark, STARTTLS_PORT));
		assertThat(postfix.tlsConnectionsSince(mark)).isEmpty();
		assertThat(postfix.deliveredMessages()).noneMatch((message) -> message.contains(subject));
	}

	@Test
	void runWhenVerifyOnStartupShouldNegotiateTlsWithoutAuthenticating() {
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, STARTTLS_PORT, this.listener, "mail.tls.verify-on-startup=true")
			.run((context) -> assertThat(context).hasNotFailed());
		TlsConnection logged = postfix.awaitTlsConnection(mark, STARTTLS_PORT);
		assertThat(logged.protocol()).isEqualTo("TLSv1.3");
		SmtpSession probe = postfix.awaitSession(mark, STARTTLS_PORT);
		assertThat(probe.commands()).as(probe.line()).containsEntry("starttls", "1");
		PostfixAssertions.assertNothingSubmitted(probe);
	}

}
