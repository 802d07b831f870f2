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

import jakarta.mail.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the authentication behaviours of {@link SmtpTestServer}.
 */
class SmtpTestServerAuthTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	private static final ServerIdentity localhost = authority.issueLocalhost();

	private static final String AUTH_PLAIN = "AUTH PLAIN "
			+ Base64.getEncoder().encodeToString("\0user\0s3cret".getBytes(StandardCharsets.US_ASCII));

	@Test
	void authWhenCredentialsMatchAfterStartTlsShouldAcceptMail() throws Exception {
		try (SmtpTestServer server = startTlsServer().start()) {
			AngusClient.to("localhost", server.port())
				.startTls(authority.clientSslContext(), true)
				.credentials("user", "s3cret")
				.send("Hello");
			assertThat(server.messages()).hasSize(1);
			assertThat(server.commands()).filteredOn((line) -> line.startsWith("AUTH "))
				.singleElement()
				.satisfies((line) -> assertThat(server.commands().indexOf(line))
					.isGreaterThan(server.commands().indexOf("STARTTLS")));
		}
	}

	@Test
	void authWhenCredentialsWrongShouldFailAuthentication() {
		try (SmtpTestServer server = startTlsServer().start()) {
			assertThatExceptionOfType(AuthenticationFailedException.class)
				.isThrownBy(() -> AngusClient.to("localhost", server.port())
					.startTls(authority.clientSslContext(), true)
					.credentials("user", "wrong")
					.send("Hello"));
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void authWhenClientDoesNotAuthenticateShouldRejectMail() throws Exception {
		try (SmtpTestServer server = startTlsServer().start(); SmtpClient client = SmtpClient.connect(server.port())) {
			client.reply();
			client.send("EHLO client");
			client.send("STARTTLS");
			client.startTls(authority.clientSslContext());
			assertThat(client.send("EHLO client")).endsWith("\n250 AUTH PLAIN LOGIN");
			assertThat(client.send("MAIL FROM:<sender@example.com>")).startsWith("530 ");
		}
	}

	@Test
	void authBeforeStartTlsWhenFalseShouldHideAndRefuseAuthInClear() throws Exception {
		try (SmtpTestServer server = startTlsServer().start(); SmtpClient client = SmtpClient.connect(server.port())) {
			client.reply();
			assertThat(client.send("EHLO client")).contains("STARTTLS").doesNotContain("AUTH");
			assertThat(client.send(AUTH_PLAIN)).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
			client.send("STARTTLS");
			client.startTls(authority.clientSslContext());
			assertThat(client.send("EHLO client")).contains("AUTH PLAIN LOGIN");
			assertThat(client.send(AUTH_PLAIN)).startsWith("235");
		}
	}

	@Test
	void authBeforeStartTlsWhenTrueShouldAdvertiseAndAcceptAuthInClear() throws Exception {
		try (SmtpTestServer server = startTlsServer().authBeforeStartTls(true).start();
				SmtpClient client = SmtpClient.connect(server.port())) {
			client.reply();
			assertThat(client.send("EHLO client")).contains("\n250-STARTTLS\n").contains("AUTH PLAIN LOGIN");
			assertThat(client.send(AUTH_PLAIN)).startsWith("235");
			assertThat(client.send("MAIL FROM:<sender@example.com>")).startsWith("250");
			assertThat(server.commands()).contains(AUTH_PLAIN);
		}
	}

	@Test
	void authWhenServerIsPlaintextOnlyShouldAdvertiseAuth() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().auth("user", "s3cret").start()) {
			AngusClient.to("localhost", server.port()).credentials("user", "s3cret").send("Hello in clear");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.overTls()).isFalse());
			assertThat(server.commands()).anySatisfy((line) -> assertThat(line).startsWith("AUTH LOGIN"));
		}
	}

	private static SmtpTestServer.Builder startTlsServer() {
		return SmtpTestServer.builder().startTls(localhost.serverSslContext()).auth("user", "s3cret");
	}

}
