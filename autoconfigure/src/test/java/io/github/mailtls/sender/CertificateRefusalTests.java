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

import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Refuses servers whose certificate fails verification, over implicit TLS and over
 * STARTTLS, before any SMTP command after the handshake.
 */
class CertificateRefusalTests {

	static Stream<Arguments> badCertificates() {
		return Stream.of(Arguments.of(MailTlsFixtures.WRONG_HOST, RefusalReason.HOSTNAME_MISMATCH, "wrong.example.org"),
				Arguments.of(MailTlsFixtures.UNTRUSTED, RefusalReason.CERTIFICATE_UNTRUSTED, "does not chain"),
				Arguments.of(MailTlsFixtures.EXPIRED, RefusalReason.CERTIFICATE_EXPIRED, "Renew the certificate"));
	}

	@ParameterizedTest
	@MethodSource("badCertificates")
	void sendOverImplicitTlsShouldRefuse(ServerIdentity identity, RefusalReason reason, String explanation) {
		SSLContext serverContext = identity.serverSslContext();
		try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(serverContext).start()) {
			assertRefused(server, "implicit", reason, explanation);
			assertThat(server.commands()).isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("badCertificates")
	void sendOverStartTlsShouldRefuse(ServerIdentity identity, RefusalReason reason, String explanation) {
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(identity.serverSslContext()).start()) {
			assertRefused(server, "starttls", reason, explanation);
			assertThat(server.commands()).extracting((command) -> command.split(" ")[0])
				.containsExactly("EHLO", "STARTTLS");
		}
	}

	@ParameterizedTest
	@MethodSource("badCertificates")
	void sendWithoutHostnameVerificationShouldRefuseOnlyUntrustedOrExpired(ServerIdentity identity,
			RefusalReason reason, String explanation) {
		try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(identity.serverSslContext()).start()) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=implicit", "mail.tls.verify-hostname=false")
				.run((context) -> {
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					if (reason == RefusalReason.HOSTNAME_MISMATCH) {
						sender.send(SenderContexts.message());
						assertThat(server.messages()).hasSize(1);
					}
					else {
						MailSendException ex = catchThrowableOfType(MailSendException.class,
								() -> sender.send(SenderContexts.message()));
						assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(reason);
					}
				});
		}
	}

	private void assertRefused(SmtpTestServer server, String mode, RefusalReason reason, String explanation) {
		SenderContexts.forPort(server.port(), "mail.tls.mode=" + mode).run((context) -> {
			MailSendException ex = catchThrowableOfType(MailSendException.class,
					() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(reason);
			assertThat(ex).hasMessageContaining(reason.value()).hasMessageContaining(explanation);
			assertThat(ex.getFailedMessages()).hasSize(1);
			TlsSendRecord record = context.getBean(RecordingListener.class).single();
			assertThat(record.outcome()).isEqualTo(SendOutcome.REFUSED);
			assertThat(record.reason()).isEqualTo(reason);
		});
		assertThat(server.messages()).isEmpty();
	}

}
