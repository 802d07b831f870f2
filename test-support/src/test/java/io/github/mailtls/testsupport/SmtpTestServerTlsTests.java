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

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the TLS behaviours of {@link SmtpTestServer}.
 */
class SmtpTestServerTlsTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	private static final ServerIdentity localhost = authority.issueLocalhost();

	@Test
	void startWhenStartTlsShouldAdvertiseUpgradeAndRecordTlsSession() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(localhost.serverSslContext()).start()) {
			try (SmtpClient client = SmtpClient.connect(server.port())) {
				client.reply();
				assertThat(client.send("EHLO client")).contains("\n250-STARTTLS\n");
				assertThat(client.send("STARTTLS")).startsWith("220");
				client.startTls(authority.clientSslContext());
				assertThat(client.send("EHLO client")).doesNotContain("STARTTLS");
				assertThat(client.tlsSession().getPeerCertificates()).containsExactlyElementsOf(localhost.chain());
			}
			AngusClient.to("localhost", server.port()).startTls(authority.clientSslContext(), true).send("Hello");
			assertThat(server.messages()).singleElement().satisfies((message) -> {
				assertThat(message.overTls()).isTrue();
				assertThat(message.tlsProtocol()).isEqualTo("TLSv1.3");
				assertThat(message.tlsCipherSuite()).startsWith("TLS_");
			});
			assertThat(server.commands()).contains("STARTTLS");
		}
	}

	@Test
	void startWhenStartTlsHiddenShouldNeitherAdvertiseNorSupportIt() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			try (SmtpClient client = SmtpClient.connect(server.port())) {
				client.reply();
				assertThat(client.send("EHLO client")).doesNotContain("STARTTLS");
				assertThat(client.send("STARTTLS")).startsWith("454 ");
			}
			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> AngusClient.to("localhost", server.port())
					.startTls(authority.clientSslContext(), true)
					.send("Hello"))
				.withMessageContaining("STARTTLS is required but host does not support STARTTLS");
			AngusClient.to("localhost", server.port()).send("Hello in clear");
			assertThat(server.messages()).singleElement().satisfies((message) -> {
				assertThat(message.overTls()).isFalse();
				assertThat(message.tlsProtocol()).isNull();
				assertThat(message.tlsCipherSuite()).isNull();
			});
		}
	}

	@Test
	void startWhenStartTlsRefusedShouldAdvertiseButAnswer454() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().refuseStartTls().start()) {
			try (SmtpClient client = SmtpClient.connect(server.port())) {
				client.reply();
				assertThat(client.send("EHLO client")).contains("\n250-STARTTLS\n");
				assertThat(client.send("STARTTLS")).isEqualTo("454 4.7.0 TLS not available");
				assertThat(client.send("NOOP")).startsWith("250");
			}
			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> AngusClient.to("localhost", server.port())
					.startTls(authority.clientSslContext(), true)
					.send("Hello"))
				.withMessageContaining("454 4.7.0 TLS not available");
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void startWhenImplicitTlsShouldSpeakTlsFromFirstByte() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(localhost.serverSslContext()).start()) {
			try (SmtpClient client = SmtpClient.connectTls(server.port(), authority.clientSslContext())) {
				assertThat(client.reply()).startsWith("220 localhost ");
				assertThat(client.send("EHLO client")).doesNotContain("STARTTLS");
			}
			try (Socket plaintext = new Socket("127.0.0.1", server.port())) {
				plaintext.setSoTimeout(5000);
				plaintext.getOutputStream().write("EHLO client\r\n".getBytes(StandardCharsets.US_ASCII));
				assertThat(new String(plaintext.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
					.doesNotContain("220")
					.doesNotContain("250");
			}
			AngusClient.to("localhost", server.port()).implicitTls(authority.clientSslContext()).send("Hello");
			assertThat(server.messages()).singleElement().satisfies((message) -> {
				assertThat(message.overTls()).isTrue();
				assertThat(message.tlsProtocol()).isEqualTo("TLSv1.3");
			});
		}
	}

	@Test
	void startWhenTlsProtocolsWithStartTlsShouldOnlyNegotiateThose() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(localhost.serverSslContext())
			.tlsProtocols("TLSv1.2")
			.start()) {
			AngusClient.to("localhost", server.port()).startTls(authority.clientSslContext(), true).send("Hello");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.tlsProtocol()).isEqualTo("TLSv1.2"));
			try (SmtpClient client = SmtpClient.connect(server.port())) {
				client.reply();
				client.send("EHLO client");
				client.send("STARTTLS");
				assertThatExceptionOfType(IOException.class)
					.isThrownBy(() -> client.startTls(authority.clientSslContext(), "TLSv1.3"));
			}
		}
	}

	@Test
	void startWhenTlsProtocolsWithImplicitTlsShouldOnlyNegotiateThose() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(localhost.serverSslContext())
			.tlsProtocols("TLSv1.2")
			.start()) {
			try (SmtpClient client = SmtpClient.connectTls(server.port(), authority.clientSslContext())) {
				assertThat(client.tlsSession().getProtocol()).isEqualTo("TLSv1.2");
			}
			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> SmtpClient.connectTls(server.port(), authority.clientSslContext(), "TLSv1.3"));
			AngusClient.to("localhost", server.port()).implicitTls(authority.clientSslContext()).send("Hello");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.tlsProtocol()).isEqualTo("TLSv1.2"));
		}
	}

	@Test
	void startWhenTlsProtocolIsUnsupportedShouldFail() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SmtpTestServer.builder()
				.startTls(localhost.serverSslContext())
				.tlsProtocols("TLSv1.2", "TLSv9")
				.start())
			.withMessageContaining("TLSv9");
	}

}
