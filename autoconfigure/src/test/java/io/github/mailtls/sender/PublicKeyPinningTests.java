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

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Public key pins are checked on top of normal trust.
 */
class PublicKeyPinningTests {

	private static final ServerIdentity OTHER_KEY = MailTlsFixtures.CA.issueLocalhost();

	@Test
	void sendWhenLeafKeyMatchesAPinShouldSend() {
		assertSent("mail.tls.pinned-public-keys=" + OTHER_KEY.spkiSha256Pin() + ","
				+ MailTlsFixtures.LOCALHOST.spkiSha256Pin());
	}

	@Test
	void sendWhenIssuerKeyMatchesAPinShouldSend() {
		assertSent("mail.tls.pinned-public-keys=" + CertificateSummary.spkiSha256(MailTlsFixtures.CA.certificate()));
	}

	@Test
	void sendWhenNoKeyMatchesShouldRefuseATrustedServer() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), "mail.tls.pinned-public-keys=" + OTHER_KEY.spkiSha256Pin())
				.run((context) -> {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.PIN_MISMATCH);
					assertThat(ex).hasMessageContaining(MailTlsFixtures.LOCALHOST.spkiSha256Pin());
				});
			assertThat(server.commands()).extracting((command) -> command.split(" ")[0])
				.containsExactly("EHLO", "STARTTLS");
		}
	}

	private void assertSent(String pins) {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port(), pins)
				.run((context) -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(server.messages()).hasSize(1);
		}
	}

}
