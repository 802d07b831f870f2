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

import java.security.cert.CertificateExpiredException;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.it.PostfixContainer.NegotiatedTls;
import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.it.PostfixContainer.TlsConnection;
import io.github.mailtls.it.RawSmtpClient.Reply;
import io.github.mailtls.testsupport.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks the Postfix test server itself with a plain JSSE client, so that failures of the
 * starter's interoperability tests can be trusted to be the starter's.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostfixContainerSmokeTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority
		.create("mail-tls Postfix smoke test CA");

	@Container
	static final PostfixContainer postfix = new PostfixContainer(authority);

	private final SSLContext sslContext = authority.clientSslContext();

	@Test
	void startTlsSubmissionIsAuthenticatedDeliveredAndLogged() throws Exception {
		String subject = "smoke " + UUID.randomUUID();
		LogMark mark = postfix.logMark();
		SSLSession session;
		try (RawSmtpClient client = RawSmtpClient.connect(postfix.getHost(),
				postfix.mappedPort(PostfixContainer.STARTTLS_PORT))) {
			assertThat(client.greeting().code()).isEqualTo(220);
			Reply plainEhlo = client.ehlo();
			assertThat(plainEhlo.advertises("STARTTLS")).isTrue();
			assertThat(plainEhlo.advertises("AUTH")).as("AUTH before TLS").isFalse();
			client.startTls(this.sslContext);
			session = client.tlsSession();
			assertThat(client.ehlo().advertises("AUTH")).isTrue();
			assertThat(client.authPlain(postfix.getUsername(), postfix.getPassword()).code()).isEqualTo(235);
			client.send("sender@example.org", "someone@" + PostfixContainer.LOCAL_DOMAIN, subject, "Hello");
		}
		String message = postfix.awaitMessage(subject);
		assertThat(message).contains("with ESMTPSA");
		NegotiatedTls received = PostfixContainer.receivedTls(message).orElseThrow();
		assertThat(received.protocol()).isEqualTo(session.getProtocol());
		assertThat(received.javaCipherSuite()).isEqualTo(session.getCipherSuite());
		TlsConnection logged = postfix.awaitTlsConnection(mark, PostfixContainer.STARTTLS_PORT);
		assertThat(logged.trust()).isEqualTo("Anonymous");
		assertThat(logged.protocol()).isEqualTo("TLSv1.3").isEqualTo(session.getProtocol());
		assertThat(logged.javaCipherSuite()).isEqualTo(session.getCipherSuite());
		SmtpSession smtp = postfix.awaitSession(mark, PostfixContainer.STARTTLS_PORT);
		assertThat(smtp.commands()).containsEntry("starttls", "1")
			.containsEntry("auth", "1")
			.containsEntry("data", "1");
	}

	@Test
	void plaintextSendToTheLocalDomainNeedsNoAuth() throws Exception {
		String subject = "plain " + UUID.randomUUID();
		try (RawSmtpClient client = RawSmtpClient.connect(postfix.getHost(),
				postfix.mappedPort(PostfixContainer.PLAINTEXT_PORT))) {
			client.ehlo();
			client.send("sender@example.org", "rcpt@localhost", subject, "Hello");
		}
		String message = postfix.awaitMessage(subject);
		assertThat(message).contains("with ESMTP ");
		assertThat(PostfixContainer.receivedTls(message)).isEmpty();
	}

	@Test
	void relayingToAnotherDomainNeedsAuth() throws Exception {
		try (RawSmtpClient client = RawSmtpClient.connectImplicitTls(this.sslContext, postfix.getHost(),
				postfix.mappedPort(PostfixContainer.IMPLICIT_TLS_PORT))) {
			client.ehlo();
			client.command("MAIL FROM:<sender@example.org>").expect(250);
			assertThat(client.command("RCPT TO:<someone@example.org>").code()).isEqualTo(554);
		}
	}

	@Test
	void implicitTlsPortAuthenticates() throws Exception {
		LogMark mark = postfix.logMark();
		try (RawSmtpClient client = RawSmtpClient.connectImplicitTls(this.sslContext, postfix.getHost(),
				postfix.mappedPort(PostfixContainer.IMPLICIT_TLS_PORT))) {
			assertThat(client.greeting().code()).isEqualTo(220);
			Reply ehlo = client.ehlo();
			assertThat(ehlo.advertises("AUTH")).isTrue();
			assertThat(ehlo.advertises("STARTTLS")).isFalse();
			assertThat(client.authPlain(postfix.getUsername(), "wrong").code()).isEqualTo(535);
			assertThat(client.authPlain(postfix.getUsername(), postfix.getPassword()).code()).isEqualTo(235);
		}
		assertThat(postfix.awaitTlsConnection(mark, PostfixContainer.IMPLICIT_TLS_PORT).protocol())
			.isEqualTo("TLSv1.3");
	}

	@Test
	void plaintextPortOffersAuthButNoStartTls() throws Exception {
		LogMark mark = postfix.logMark();
		try (RawSmtpClient client = RawSmtpClient.connect(postfix.getHost(),
				postfix.mappedPort(PostfixContainer.PLAINTEXT_PORT))) {
			Reply ehlo = client.ehlo();
			assertThat(ehlo.advertises("STARTTLS")).isFalse();
			assertThat(ehlo.advertises("AUTH")).isTrue();
		}
		SmtpSession session = postfix.awaitSession(mark, PostfixContainer.PLAINTEXT_PORT);
		assertThat(session.sent("ehlo")).isTrue();
		assertThat(session.sent("auth")).isFalse();
	}

	@Test
	void tls12OnlyPortNegotiatesTls12AndLogsTheSameCipher() throws Exception {
		LogMark mark = postfix.logMark();
		SSLSession session;
		try (RawSmtpClient client = RawSmtpClient.connectImplicitTls(this.sslContext, postfix.getHost(),
				postfix.mappedPort(PostfixContainer.TLS12_ONLY_PORT))) {
			session = client.tlsSession();
			client.ehlo();
		}
		assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
		TlsConnection logged = postfix.awaitTlsConnection(mark, PostfixContainer.TLS12_ONLY_PORT);
		assertThat(logged.protocol()).isEqualTo("TLSv1.2");
		assertThat(logged.tls().cipher()).doesNotStartWith("TLS_");
		assertThat(logged.javaCipherSuite()).isEqualTo(session.getCipherSuite());
	}

	@Test
	void tls12OnlyPortRefusesTls13() {
		assertThatExceptionOfType(SSLException.class).isThrownBy(
				() -> RawSmtpClient
					.connectImplicitTls(this.sslContext, postfix.getHost(),
							postfix.mappedPort(PostfixContainer.TLS12_ONLY_PORT), "TLSv1.3")
					.close());
	}

	@Test
	void wrongHostCertificateFailsHostnameVerification() {
		LogMark mark = postfix.logMark();
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(
					() -> RawSmtpClient
						.connectImplicitTls(this.sslContext, postfix.getHost(),
								postfix.mappedPort(PostfixContainer.WRONG_HOST_PORT))
						.close())
			.withMessageContaining("localhost");
		assertThat(postfix.awaitSession(mark, PostfixContainer.WRONG_HOST_PORT).commands())
			.containsOnlyKeys("commands");
	}

	@Test
	void expiredCertificateFailsValidation() {
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(
					() -> RawSmtpClient
						.connectImplicitTls(this.sslContext, postfix.getHost(),
								postfix.mappedPort(PostfixContainer.EXPIRED_CERTIFICATE_PORT))
						.close())
			.withRootCauseInstanceOf(CertificateExpiredException.class);
	}

}
