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

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SmtpTestServer}.
 */
class SmtpTestServerTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	@Test
	void startShouldListenOnEphemeralLoopbackPort() throws Exception {
		try (SmtpTestServer first = SmtpTestServer.builder().start();
				SmtpTestServer second = SmtpTestServer.builder().start();
				SmtpClient client = SmtpClient.connect(first.port())) {
			assertThat(first.port()).isPositive().isNotEqualTo(second.port());
			assertThat(client.reply()).startsWith("220 localhost ESMTP");
		}
	}

	@Test
	void messagesShouldRecordEnvelopeAndContent() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start()) {
			AngusClient.to("localhost", server.port()).send("Hello");
			assertThat(server.messages()).singleElement().satisfies((message) -> {
				assertThat(message.envelopeFrom()).isEqualTo("sender@example.com");
				assertThat(message.recipients()).containsExactly("one@example.com", "two@example.com");
				assertThat(message.dataAsString()).startsWith("Date: ")
					.contains("Subject: Test\r\n")
					.endsWith("\r\n\r\nHello\r\n")
					.doesNotContain("Received:");
				assertThat(message.data()).isEqualTo(message.dataAsString().getBytes(StandardCharsets.UTF_8));
			});
		}
	}

	@Test
	void commandsShouldRecordEveryCommandLineOfAllSessionsInOrder() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start()) {
			try (SmtpClient client = SmtpClient.connect(server.port())) {
				client.reply();
				client.send("EHLO first");
				assertThat(client.send("MAIL FROM:<a@example.com> REQUIRETLS")).startsWith("250");
				assertThat(client.send("RCPT TO:<b@example.com>")).startsWith("250");
				client.send("RSET");
				client.send("QUIT");
			}
			try (SmtpClient client = SmtpClient.connect(server.port())) {
				client.reply();
				client.send("HELO second");
				client.send("NOOP");
			}
			assertThat(server.commands()).containsExactly("EHLO first", "MAIL FROM:<a@example.com> REQUIRETLS",
					"RCPT TO:<b@example.com>", "RSET", "QUIT", "HELO second", "NOOP");
		}
	}

	@Test
	void advertiseShouldAppendEhloKeywords() throws Exception {
		try (SmtpTestServer plain = SmtpTestServer.builder()
			.startTls(authority.issueLocalhost().serverSslContext())
			.start();
				SmtpTestServer extended = SmtpTestServer.builder()
					.startTls(authority.issueLocalhost().serverSslContext())
					.advertise("REQUIRETLS")
					.advertise("DSN")
					.start()) {
			assertThat(ehlo(plain.port())).isEqualTo(
					String.join("\n", "250-localhost", "250-8BITMIME", "250-STARTTLS", "250-CHUNKING", "250 SMTPUTF8"));
			assertThat(ehlo(extended.port())).isEqualTo(String.join("\n", "250-localhost", "250-8BITMIME",
					"250-STARTTLS", "250-CHUNKING", "250-SMTPUTF8", "250-REQUIRETLS", "250 DSN"));
		}
	}

	@Test
	void connectionCountShouldCountAcceptedConnections() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start()) {
			assertThat(server.connectionCount()).isZero();
			ehlo(server.port());
			ehlo(server.port());
			ehlo(server.port());
			assertThat(server.connectionCount()).isEqualTo(3);
		}
	}

	@Test
	void closeShouldStopListening() {
		SmtpTestServer server = SmtpTestServer.builder().start();
		int port = server.port();
		server.close();
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 1000));
		assertThat(server.messages()).isEqualTo(List.of());
	}

	private static String ehlo(int port) throws Exception {
		try (SmtpClient client = SmtpClient.connect(port)) {
			client.reply();
			return client.send("EHLO client");
		}
	}

}
