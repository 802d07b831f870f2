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
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StripTlsProxy}.
 */
class StripTlsProxyTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	private static final ServerIdentity localhost = authority.issueLocalhost();

	@Test
	void strippingShouldRemoveStartTlsFromEhloReplyAndRecordBothDirections() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(localhost.serverSslContext()).start();
				StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port())) {
			String direct = ehlo(server.port());
			String proxied = ehlo(proxy.port());
			assertThat(direct).contains("250-STARTTLS\n");
			assertThat(proxied).isEqualTo(direct.replace("250-STARTTLS\n", "")).doesNotContain("STARTTLS");
			assertThat(proxy.clientText()).isEqualTo("EHLO client\r\nQUIT\r\n");
			assertThat(proxy.clientBytes()).isEqualTo(proxy.clientText().getBytes(StandardCharsets.ISO_8859_1));
			assertThat(proxy.serverText()).startsWith("220 ")
				.contains(proxied.replace("\n", "\r\n"))
				.doesNotContain("STARTTLS");
			assertThat(proxy.connectionCount()).isOne();
		}
	}

	@Test
	void strippingWhenStartTlsIsLastLineShouldEndReplyOnPreviousLine() throws Exception {
		ScriptedServer.Script script = (socket) -> {
			write(socket, "220 mx\r\n");
			readLine(socket.getInputStream());
			write(socket, "250-mx\r\n250-PIPELINING\r\n250 STARTTLS\r\n");
			readLine(socket.getInputStream());
			write(socket, "221 bye\r\n");
		};
		try (ScriptedServer server = new ScriptedServer(script);
				StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port());
				SmtpClient client = SmtpClient.connect(proxy.port())) {
			client.reply();
			assertThat(client.send("EHLO client")).isEqualTo("250-mx\n250 PIPELINING");
			assertThat(client.send("QUIT")).isEqualTo("221 bye");
			server.await();
		}
	}

	@Test
	void passthroughShouldKeepStartTlsAndRelayTls() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(localhost.serverSslContext()).start();
				StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port());
				SmtpClient client = SmtpClient.connect(proxy.port())) {
			client.reply();
			assertThat(client.send("EHLO client")).contains("250-STARTTLS");
			assertThat(client.send("STARTTLS")).startsWith("220");
			client.startTls(authority.clientSslContext());
			assertThat(client.send("EHLO client")).doesNotContain("STARTTLS");
			assertThat(client.send("MAIL FROM:<secret@example.com>")).startsWith("250");
			assertThat(server.commands()).contains("MAIL FROM:<secret@example.com>");
			assertThat(proxy.clientText()).startsWith("EHLO client\r\nSTARTTLS\r\n")
				.doesNotContain("secret@example.com");
			assertThat(proxy.serverText()).contains("250-STARTTLS\r\n");
		}
	}

	@Test
	void strippingWhenClientOnlyEnablesStartTlsShouldCaptureCredentialsAndMessageInClear() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(localhost.serverSslContext())
			.auth("user", "s3cret")
			.authBeforeStartTls(true)
			.start(); StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port())) {
			AngusClient.to("127.0.0.1", proxy.port())
				.startTls(authority.clientSslContext(), false)
				.credentials("user", "s3cret")
				.property("mail.smtp.auth.mechanisms", "PLAIN")
				.send("Hello in clear");
			assertThat(proxy.clientText()).contains("MAIL FROM:<sender@example.com>")
				.contains("Hello in clear")
				.doesNotContain("STARTTLS");
			String initialResponse = proxy.clientText()
				.lines()
				.filter((line) -> line.startsWith("AUTH PLAIN "))
				.findFirst()
				.orElseThrow()
				.substring("AUTH PLAIN ".length());
			assertThat(new String(Base64.getDecoder().decode(initialResponse), StandardCharsets.US_ASCII))
				.endsWith("\0user\0s3cret");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.overTls()).isFalse());
		}
	}

	@Test
	void strippingWhenClientRequiresStartTlsShouldSeeNoMailCommand() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(localhost.serverSslContext()).start();
				StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port())) {
			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> AngusClient.to("127.0.0.1", proxy.port())
					.startTls(authority.clientSslContext(), true)
					.send("Never sent"))
				.withMessageContaining("STARTTLS is required");
			assertThat(proxy.clientText()).startsWith("EHLO ").doesNotContain("MAIL FROM").doesNotContain("Never sent");
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void relayWhenClientHalfClosesShouldStillDeliverServerReply() throws Exception {
		// The scripted server answers only after the end of the client's stream.
		ScriptedServer.Script script = (socket) -> {
			byte[] received = socket.getInputStream().readAllBytes();
			write(socket, "250 received " + received.length + " bytes\r\n");
		};
		try (ScriptedServer server = new ScriptedServer(script);
				StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port());
				Socket client = new Socket("127.0.0.1", proxy.port())) {
			client.setSoTimeout(5000);
			client.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
			client.shutdownOutput();
			assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
				.isEqualTo("250 received 6 bytes\r\n");
			server.await();
			assertThat(proxy.clientText()).isEqualTo("QUIT\r\n");
			assertThat(proxy.serverText()).isEqualTo("250 received 6 bytes\r\n");
		}
	}

	@Test
	void relayWhenTargetIsUnreachableShouldCloseClientConnection() throws Exception {
		int unusedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			unusedPort = socket.getLocalPort();
		}
		try (StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", unusedPort);
				Socket client = new Socket("127.0.0.1", proxy.port())) {
			client.setSoTimeout(10000);
			assertThat(client.getInputStream().read()).isEqualTo(-1);
			assertThat(proxy.connectionCount()).isOne();
		}
	}

	@Test
	void closeShouldStopAcceptingAndCountConnections() throws Exception {
		StripTlsProxy proxy;
		try (SmtpTestServer server = SmtpTestServer.builder().start()) {
			proxy = StripTlsProxy.passthrough("127.0.0.1", server.port());
			ehlo(proxy.port());
			ehlo(proxy.port());
			assertThat(proxy.connectionCount()).isEqualTo(2);
			assertThat(server.connectionCount()).isEqualTo(2);
			proxy.close();
		}
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", proxy.port()), 1000));
	}

	private static String ehlo(int port) throws IOException {
		try (SmtpClient client = SmtpClient.connect(port)) {
			client.reply();
			String reply = client.send("EHLO client");
			client.send("QUIT");
			return reply;
		}
	}

	private static void write(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			line.append((char) b);
		}
		return line.toString();
	}

}
