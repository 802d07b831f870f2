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

import static io.github.mailtls.it.PostfixContainer.PLAINTEXT_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Postfix's plaintext port 2525, which offers AUTH in clear and no STARTTLS: every mode
 * that wants TLS refuses before AUTH and MAIL FROM, and only the explicit {@code none}
 * opt-in delivers, in plaintext, saying so in its record.
 */
@Testcontainers(disabledWithoutDocker = true)
class PlaintextPortTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@ParameterizedTest(name = "mail.tls.mode={0}")
	@ValueSource(strings = { "auto", "starttls" })
	void sendWhenModeRequiresStartTlsShouldRefuseBeforeAuthAndMailFrom(String mode) {
		assertRefused(mode, RefusalReason.STARTTLS_NOT_OFFERED, "STARTTLS");
	}

	@Test
	void sendWhenModeIsOpportunisticShouldRefuseToSendCredentialsInClear() {
		assertRefused("opportunistic", RefusalReason.PLAINTEXT_REFUSED, "mail.tls.allow-plaintext-auth");
	}

	@Test
	void sendWhenModeIsNoneAndPlaintextAuthIsAllowedShouldDeliverInPlaintext() {
		String subject = PostfixSenderContexts.uniqueSubject("2525 none");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts
			.forPort(postfix, PLAINTEXT_PORT, this.listener, "mail.tls.mode=none", "mail.tls.allow-plaintext-auth=true")
			.run((context) -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
		TlsSendRecord record = this.listener.single();
		assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
		assertThat(record.security()).isEqualTo(TransportSecurity.NONE);
		assertThat(record.protocol()).isNull();
		assertThat(record.cipherSuite()).isNull();
		assertThat(record.startTlsAdvertised()).isFalse();
		String message = postfix.awaitMessage(subject);
		assertThat(message).contains("with ESMTPA ");
		assertThat(PostfixContainer.receivedTls(message)).isEmpty();
		SmtpSession session = postfix.awaitSession(mark, PLAINTEXT_PORT);
		assertThat(session.commands()).as(session.line())
			.doesNotContainKey("starttls")
			.containsEntry("auth", "1")
			.containsEntry("mail", "1");
		assertThat(postfix.tlsConnectionsSince(mark)).isEmpty();
	}

	@Test
	void runWhenVerifyOnStartupShouldFailBeforeAuth() {
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, PLAINTEXT_PORT, this.listener, "mail.tls.verify-on-startup=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(RefusalReason.STARTTLS_NOT_OFFERED.value()));
		PostfixAssertions.assertNothingSubmitted(postfix.awaitSession(mark, PLAINTEXT_PORT));
	}

	private void assertRefused(String mode, RefusalReason reason, String explanation) {
		String subject = PostfixSenderContexts.uniqueSubject("2525 " + mode);
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, PLAINTEXT_PORT, this.listener, "mail.tls.mode=" + mode)
			.run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
				assertThat(MailTlsPolicyException.findIn(ex)).extracting(MailTlsPolicyException::getReason)
					.isEqualTo(reason);
				assertThat(ex).hasMessageContaining(explanation);
			});
		TlsSendRecord record = this.listener.single();
		assertThat(record.outcome()).isEqualTo(SendOutcome.REFUSED);
		assertThat(record.reason()).isEqualTo(reason);
		assertThat(record.startTlsAdvertised()).isFalse();
		SmtpSession session = postfix.awaitSession(mark, PLAINTEXT_PORT);
		assertThat(session.sent("ehlo")).as(session.line()).isTrue();
		PostfixAssertions.assertNothingSubmitted(session);
		assertThat(postfix.deliveredMessages()).noneMatch((message) -> message.contains(subject));
	}

}
