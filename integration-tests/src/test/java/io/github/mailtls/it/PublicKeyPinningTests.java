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
import io.github.mailtls.it.PostfixContainer.ServerCertificate;
import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static io.github.mailtls.it.PostfixContainer.STARTTLS_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Public key pins against Postfix's real certificate on port 587: the server's own key
 * delivers, and a trusted server whose key is not pinned is refused after STARTTLS and
 * before AUTH.
 */
@Testcontainers(disabledWithoutDocker = true)
class PublicKeyPinningTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@Test
	void sendWhenServerKeyIsPinnedShouldDeliver() {
		String pin = serverPin();
		String subject = PostfixSenderContexts.uniqueSubject("587 pinned");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts
			.forPort(postfix, STARTTLS_PORT, this.listener,
					"mail.tls.pinned-public-keys=" + TestAuthorities.UNRELATED.issueLocalhost().spkiSha256Pin() + ","
							+ pin)
			.run((context) -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
		TlsSendRecord record = this.listener.single();
		assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
		assertThat(record.certificate().spkiSha256()).isEqualTo(pin);
		PostfixAssertions.assertSameTls(record, postfix.awaitTlsConnection(mark, STARTTLS_PORT));
		postfix.awaitMessage(subject);
	}

	@Test
	void sendWhenServerKeyIsNotPinnedShouldRefuseBeforeAuth() {
		String subject = PostfixSenderContexts.uniqueSubject("587 pin mismatch");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts
			.forPort(postfix, STARTTLS_PORT, this.listener,
					"mail.tls.pinned-public-keys=" + TestAuthorities.POSTFIX.issueLocalhost().spkiSha256Pin())
			.run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
				assertThat(MailTlsPolicyException.findIn(ex)).extracting(MailTlsPolicyException::getReason)
					.isEqualTo(RefusalReason.PIN_MISMATCH);
				assertThat(ex).hasMessageContaining(serverPin());
			});
		assertThat(this.listener.single().reason()).isEqualTo(RefusalReason.PIN_MISMATCH);
		SmtpSession session = postfix.awaitSession(mark, STARTTLS_PORT);
		// Pins are checked during the handshake, which the client aborts: Postfix counts
		// STARTTLS as failed.
		assertThat(session.commands()).as(session.line()).containsEntry("starttls", "0/1");
		PostfixAssertions.assertNothingSubmitted(session);
		assertThat(postfix.deliveredMessages()).noneMatch((message) -> message.contains(subject));
	}

	private static String serverPin() {
		return postfix.serverIdentity(ServerCertificate.GOOD).orElseThrow().spkiSha256Pin();
	}

}
