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
package io.github.mailtls.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code XOAUTH2} behaviour of {@link SmtpTestServer}.
 */
class SmtpTestServerXOAuth2Tests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	private static final ServerIdentity localhost = authority.issueLocalhost();

	@Test
	void xoauth2WhenTokenValidAfterStartTlsShouldAcceptMail() throws Exception {
		try (SmtpTestServer server = server().start(); SmtpClient client = SmtpClient.connect(server.port())) {
			client.reply();
			assertThat(client.send("EHLO client")).contains("STARTTLS").doesNotContain("AUTH");
			client.send("STARTTLS");
			client.startTls(authority.clientSslContext());
			assertThat(client.send("EHLO client")).endsWith("\n250 AUTH XOAUTH2");
			assertThat(client.send(xoauth2("good"))).startsWith("235");
			assertThat(client.send("MAIL FROM:<sender@example.com>")).startsWith("250");
			assertThat(server.presentedBearerTokens()).containsExactly("good");
		}
	}

	@Test
	void xoauth2WhenTokenInvalidShouldSendErrorChallengeThen535() throws Exception {
		try (SmtpTestServer server = server().start(); SmtpClient client = SmtpClient.connect(server.port())) {
			client.reply();
			client.send("EHLO client");
			client.send("STARTTLS");
			client.startTls(authority.clientSslContext());
			client.send("EHLO client");
			String challenge = client.send(xoauth2("expired"));
			assertThat(challenge).startsWith("334 ");
			assertThat(new String(Base64.getDecoder().decode(challenge.substring(4)), StandardCharsets.US_ASCII))
				.contains("\"status\":\"401\"");
			assertThat(client.send("")).startsWith("535 5.7.8");
			assertThat(client.send("MAIL FROM:<sender@example.com>")).startsWith("530");
		}
	}

	@Test
	void xoauth2WhenSessionPlaintextShouldRefuseEvenWithoutStartTlsOnOffer() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().xoauth2((user, token) -> true).start();
				SmtpClient client = SmtpClient.connect(server.port())) {
			client.reply();
			assertThat(client.send("EHLO client")).doesNotContain("AUTH");
			assertThat(client.send(xoauth2("good"))).startsWith("530");
			assertThat(server.presentedBearerTokens()).isEmpty();
		}
	}

	@Test
	void xoauth2WhenImplicitTlsShouldOfferAuth() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(localhost.serverSslContext())
			.xoauth2((user, token) -> "good".equals(token))
			.start()) {
			AngusClient.to("localhost", server.port())
				.implicitTls(authority.clientSslContext())
				.property("mail.smtp.auth.mechanisms", "XOAUTH2")
				.credentials("mailbox@example.com", "good")
				.send("Hello");
			assertThat(server.messages()).hasSize(1);
		}
	}

	private static SmtpTestServer.Builder server() {
		return SmtpTestServer.builder()
			.startTls(localhost.serverSslContext())
			.xoauth2((user, token) -> "mailbox@example.com".equals(user) && "good".equals(token));
	}

	private static String xoauth2(String token) {
		String response = "user=mailbox@example.com\u0001auth=Bearer " + token + "\u0001\u0001";
		return "AUTH XOAUTH2 " + Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8));
	}

}
