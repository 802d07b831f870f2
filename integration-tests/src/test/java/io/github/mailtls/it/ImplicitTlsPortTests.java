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

import java.time.Duration;

import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.it.PostfixContainer.TlsConnection;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static io.github.mailtls.it.PostfixContainer.IMPLICIT_TLS_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Postfix's implicit TLS port 465: implicit TLS delivers with AUTH over the TLS that
 * Postfix logged, and STARTTLS fails within the read timeout with an explanation. The
 * mapped host port is not 465, so {@code auto} would mean STARTTLS here; the modes are
 * set explicitly.
 */
@Testcontainers(disabledWithoutDocker = true)
class ImplicitTlsPortTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@Test
	void sendWhenModeIsImplicitShouldAuthenticateAndDeliverOverTheLoggedTls() {
		String subject = PostfixSenderContexts.uniqueSubject("465 implicit");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, IMPLICIT_TLS_PORT, this.listener, "mail.tls.mode=implicit")
			.run((context) -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
		TlsSendRecord record = this.listener.single();
		assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
		assertThat(record.security()).isEqualTo(TransportSecurity.IMPLICIT);
		assertThat(record.peerCertificateVerified()).isTrue();
		TlsConnection logged = postfix.awaitTlsConnection(mark, IMPLICIT_TLS_PORT);
		PostfixAssertions.assertSameTls(record, logged);
		String message = postfix.awaitMessage(subject);
		assertThat(message).contains("with ESMTPSA");
		assertThat(PostfixContainer.receivedTls(message)).contains(logged.tls());
		SmtpSession session = postfix.awaitSession(mark, IMPLICIT_TLS_PORT);
		assertThat(session.commands()).as(session.line())
			.doesNotContainKey("starttls")
			.containsEntry("auth", "1")
			.containsEntry("mail", "1")
			.containsEntry("data", "1");
	}

	@Test
	void sendWhenModeIsStartTlsShouldExplainThatTheServerSentNoGreeting() {
		String subject = PostfixSenderContexts.uniqueSubject("465 starttls");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts
			.forPort(postfix, IMPLICIT_TLS_PORT, this.listener, "mail.tls.mode=starttls", "mail.tls.timeouts.read=1s")
			.run((context) -> {
				long start = System.nanoTime();
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
						Duration.ofSeconds(5));
				assertThat(MailTlsPolicyException.findIn(ex)).isNull();
				assertThat(ex)
					.hasMessageContaining(postfix.getHost() + ":" + postfix.mappedPort(IMPLICIT_TLS_PORT)
							+ " accepted the connection but sent no SMTP greeting")
					.hasMessageContaining("mail.tls.mode=implicit");
			});
		assertThat(this.listener.single().outcome()).isEqualTo(SendOutcome.FAILURE);
		PostfixAssertions.assertNothingSubmitted(postfix.awaitSession(mark, IMPLICIT_TLS_PORT));
		assertThat(postfix.tlsConnectionsSince(mark)).isEmpty();
		assertThat(postfix.deliveredMessages()).noneMatch((message) -> message.contains(subject));
	}

}
