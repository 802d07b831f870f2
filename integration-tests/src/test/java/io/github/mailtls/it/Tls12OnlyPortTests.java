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
import io.github.mailtls.it.PostfixContainer.TlsConnection;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static io.github.mailtls.it.PostfixContainer.TLS12_ONLY_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Postfix's port 4650, implicit TLS restricted to TLSv1.2: the default policy accepts it
 * and records the cipher suite Postfix names the OpenSSL way, and a TLSv1.3-only policy
 * refuses it during the handshake.
 */
@Testcontainers(disabledWithoutDocker = true)
class Tls12OnlyPortTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@Test
	void sendWithDefaultProtocolsShouldNegotiateTls12AndRecordTheCipherPostfixLogged() {
		String subject = PostfixSenderContexts.uniqueSubject("4650 default protocols");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, TLS12_ONLY_PORT, this.listener, "mail.tls.mode=implicit")
			.run((context) -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
		TlsSendRecord record = this.listener.single();
		assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
		assertThat(record.protocol()).isEqualTo("TLSv1.2");
		TlsConnection logged = postfix.awaitTlsConnection(mark, TLS12_ONLY_PORT);
		// A TLS 1.2 suite has different names in OpenSSL and JSSE: the comparison maps
		// them.
		assertThat(logged.tls().cipher()).doesNotStartWith("TLS_");
		assertThat(record.cipherSuite()).startsWith("TLS_");
		PostfixAssertions.assertSameTls(record, logged);
		String message = postfix.awaitMessage(subject);
		assertThat(PostfixContainer.receivedTls(message)).contains(logged.tls());
		assertThat(postfix.awaitSession(mark, TLS12_ONLY_PORT).commands()).containsEntry("auth", "1")
			.containsEntry("data", "1");
	}

	@Test
	void sendWhenOnlyTls13IsAllowedShouldRefuseDuringTheHandshake() {
		String subject = PostfixSenderContexts.uniqueSubject("4650 TLSv1.3 only");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts
			.forPort(postfix, TLS12_ONLY_PORT, this.listener, "mail.tls.mode=implicit", "mail.tls.protocols=TLSv1.3")
			.run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
				assertThat(MailTlsPolicyException.findIn(ex)).extracting(MailTlsPolicyException::getReason)
					.isEqualTo(RefusalReason.PROTOCOL_NOT_ALLOWED);
				assertThat(ex).hasMessageContaining("mail.tls.protocols");
			});
		assertThat(this.listener.single().reason()).isEqualTo(RefusalReason.PROTOCOL_NOT_ALLOWED);
		PostfixAssertions.assertNothingSubmitted(postfix.awaitSession(mark, TLS12_ONLY_PORT));
		assertThat(postfix.tlsConnectionsSince(mark)).isEmpty();
	}

}
