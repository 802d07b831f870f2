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
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Certificates that fail verification are refused with the matching reason during the
 * handshake, so Postfix never completes TLS and never sees AUTH or MAIL FROM.
 */
@Testcontainers(disabledWithoutDocker = true)
class CertificateRefusalTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@Test
	void sendWhenCertificateNamesAnotherHostShouldRefuse() {
		assertRefused(PostfixContainer.WRONG_HOST_PORT, RefusalReason.HOSTNAME_MISMATCH,
				PostfixContainer.WRONG_HOST_NAME, "mail.tls.mode=implicit");
	}

	@Test
	void sendWhenCertificateHasExpiredShouldRefuse() {
		assertRefused(PostfixContainer.EXPIRED_CERTIFICATE_PORT, RefusalReason.CERTIFICATE_EXPIRED,
				"Renew the certificate", "mail.tls.mode=implicit");
	}

	@Test
	void sendOverImplicitTlsWhenCertificateIsFromAnotherAuthorityShouldRefuse() {
		assertRefused(PostfixContainer.IMPLICIT_TLS_PORT, RefusalReason.CERTIFICATE_UNTRUSTED, "does not chain",
				"mail.tls.mode=implicit", PostfixSenderContexts.trust(TestAuthorities.UNRELATED));
	}

	@Test
	void sendOverStartTlsWhenCertificateIsFromAnotherAuthorityShouldRefuseAfterStartTls() {
		LogMark mark = assertRefused(PostfixContainer.STARTTLS_PORT, RefusalReason.CERTIFICATE_UNTRUSTED,
				"does not chain", "mail.tls.mode=starttls", PostfixSenderContexts.trust(TestAuthorities.UNRELATED));
		// The client aborted the handshake that followed STARTTLS, so Postfix counts it
		// as failed.
		assertThat(postfix.awaitSession(mark, PostfixContainer.STARTTLS_PORT).commands()).containsEntry("starttls",
				"0/1");
	}

	private LogMark assertRefused(int containerPort, RefusalReason reason, String explanation, String... properties) {
		String subject = PostfixSenderContexts.uniqueSubject(containerPort + " " + reason.value());
		LogMark mark = postfix.logMark();
		PostfixSenderContexts.forPort(postfix, containerPort, this.listener, properties).run((context) -> {
			MailSendException ex = catchThrowableOfType(MailSendException.class,
					() -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
			assertThat(MailTlsPolicyException.findIn(ex)).extracting(MailTlsPolicyException::getReason)
				.isEqualTo(reason);
			assertThat(ex).hasMessageContaining(reason.value()).hasMessageContaining(explanation);
		});
		TlsSendRecord record = this.listener.single();
		assertThat(record.outcome()).isEqualTo(SendOutcome.REFUSED);
		assertThat(record.reason()).isEqualTo(reason);
		assertThat(record.peerCertificateVerified()).isFalse();
		PostfixAssertions.assertNothingSubmitted(postfix.awaitSession(mark, containerPort));
		// The client aborts the handshake, so Postfix never logs an established TLS
		// connection.
		assertThat(postfix.tlsConnectionsSince(mark)).isEmpty();
		assertThat(postfix.deliveredMessages()).noneMatch((message) -> message.contains(subject));
		return mark;
	}

}
