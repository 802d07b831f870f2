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
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.javamail.JavaMailSender;

import static io.github.mailtls.it.PostfixContainer.STARTTLS_PORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pin on the root CA holds when Postfix sends only its certificate and the
 * intermediate, as most servers do: pins are checked on the path built to the trust
 * anchor, not on the certificates the server sent.
 */
@Testcontainers(disabledWithoutDocker = true)
class PinnedCaPostfixTests {

	private static final TestCertificateAuthority INTERMEDIATE = TestAuthorities.POSTFIX
		.issueIntermediate("mail-tls Postfix intermediate");

	private static final ServerIdentity LEAF = INTERMEDIATE.issueLocalhost();

	@Container
	static final PostfixContainer postfix = new PostfixContainer()
		.withCertificate(ServerCertificate.GOOD, LEAF.presenting(LEAF.certificate(), INTERMEDIATE.certificate()))
		.withCertificate(ServerCertificate.WRONG_HOST,
				TestAuthorities.POSTFIX.issueForHost(PostfixContainer.WRONG_HOST_NAME))
		.withCertificate(ServerCertificate.EXPIRED, TestAuthorities.POSTFIX.issueExpiredLocalhost());

	private final RecordingListener listener = new RecordingListener();

	@Test
	void pinOnARootThatPostfixDoesNotSendShouldDeliver() {
		String subject = PostfixSenderContexts.uniqueSubject("587 root pinned");
		LogMark mark = postfix.logMark();
		PostfixSenderContexts
			.forPort(postfix, STARTTLS_PORT, this.listener,
					"mail.tls.pinned-public-keys="
							+ CertificateSummary.spkiSha256(TestAuthorities.POSTFIX.certificate()))
			.run((context) -> context.getBean(JavaMailSender.class).send(PostfixSenderContexts.message(subject)));
		assertThat(this.listener.single().outcome()).isEqualTo(SendOutcome.SUCCESS);
		assertThat(this.listener.single().certificate().spkiSha256()).isEqualTo(LEAF.spkiSha256Pin());
		PostfixAssertions.assertSameTls(this.listener.single(), postfix.awaitTlsConnection(mark, STARTTLS_PORT));
		postfix.awaitMessage(subject);
	}

}
