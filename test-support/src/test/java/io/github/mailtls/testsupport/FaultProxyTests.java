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
import java.net.SocketTimeoutException;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link FaultProxy}.
 */
class FaultProxyTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	private static final ServerIdentity localhost = authority.issueLocalhost();

	@Test
	void startTlsTerminationShouldRelayAWholeSessionAndSeeCommandsInsideTls() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(localhost.serverSslContext())
			.auth("user", "secret")
			.start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port())
					.terminateStartTls(localhost, authority.clientSslContext())
					.start()) {
			AngusClient.to("localhost", proxy.port())
				.startTls(authority.clientSslContext(), true)
				.credentials("user", "secret")
				.send("through the proxy");
			assertThat(server.messages()).singleElement().satisfies((message) -> {
				assertThat(message.overTls()).isTrue();
				assertThat(message.dataAsString()).contains("through the proxy");
			});
			assertThat(proxy.commands()).extracting(ProxiedCommand::verb)
				.containsExactly("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "RCPT", "DATA", Fault.END_OF_DATA,
						"QUIT");
			assertThat(proxy.commands()).extracting(ProxiedCommand::overTls)
				.containsExactly(false, false, true, true, true, true, true, true, true, true);
			assertThat(proxy.clientText()).contains("through the proxy").startsWith("EHLO ");
			assertThat(proxy.connectionCount()).isOne();
		}
	}

	@Test
	void implicitTlsTerminationShouldRelayEveryCommandInsideTls() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(localhost.serverSslContext()).start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port())
					.terminateImplicitTls(localhost, authority.clientSslContext())
					.start()) {
			AngusClient.to("localhost", proxy.port()).implicitTls(authority.clientSslContext()).send("implicit");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.overTls()).isTrue());
			assertThat(proxy.commands()).isNotEmpty().allSatisfy((command) -> assertThat(command.overTls()).isTrue());
		}
	}

	@Test
	void resetAtCommandShouldCutTheConnectionBeforeTheServerSeesIt() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(localhost.serverSslContext()).start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port())
					.terminateStartTls(localhost, authority.clientSslContext())
					.start()) {
			proxy.inject(0, Fault.resetAt("MAIL", 1));
			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> AngusClient.to("localhost", proxy.port())
					.startTls(authority.clientSslContext(), true)
					.send("never delivered"));
			assertThat(server.messages()).isEmpty();
			assertThat(server.commands()).noneMatch((line) -> line.startsWith("MAIL"));
			// The next connection has no fault.
			AngusClient.to("localhost", proxy.port()).startTls(authority.clientSslContext(), true).send("delivered");
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void resetAfterForwardingShouldLetTheServerActAndHideItsReply() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(localhost.serverSslContext()).start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port())
					.terminateStartTls(localhost, authority.clientSslContext())
					.start()) {
			proxy.inject(0, Fault.resetAfterForwarding(Fault.END_OF_DATA, 1));
			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> AngusClient.to("localhost", proxy.port())
					.startTls(authority.clientSslContext(), true)
					.send("delivered but unconfirmed"));
			await().untilAsserted(() -> assertThat(server.messages()).hasSize(1));
		}
	}

	@Test
	void stallShouldKeepTheConnectionOpenAndSilent() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port()).start();
				SmtpClient client = SmtpClient.connect(proxy.port())) {
			proxy.inject(0, Fault.stallAt("NOOP", 2));
			assertThat(client.reply()).startsWith("220");
			assertThat(client.send("NOOP")).startsWith("250");
			client.readTimeout(300);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> client.send("NOOP"));
			assertThat(proxy.openConnectionCount()).isOne();
			assertThat(server.commands()).containsExactly("NOOP");
		}
	}

	@Test
	void stallOpenConnectionsShouldSilenceEstablishedConnectionsOnly() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port()).start();
				SmtpClient first = SmtpClient.connect(proxy.port())) {
			assertThat(first.reply()).startsWith("220");
			assertThat(first.send("NOOP")).startsWith("250");
			proxy.stallOpenConnections();
			first.readTimeout(300);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> first.send("RSET"));
			try (SmtpClient second = SmtpClient.connect(proxy.port())) {
				assertThat(second.reply()).startsWith("220");
				assertThat(second.send("RSET")).startsWith("250");
			}
			assertThat(server.commands()).containsExactly("NOOP", "RSET");
		}
	}

	@Test
	void dropReplyShouldForwardTheCommandAndSwallowOnlyItsReply() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port()).start();
				SmtpClient client = SmtpClient.connect(proxy.port())) {
			proxy.inject(0, Fault.dropReplyTo("HELO", 1));
			assertThat(client.reply()).startsWith("220");
			client.readTimeout(300);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> client.send("HELO client"));
			client.readTimeout(5000);
			assertThat(client.send("NOOP")).startsWith("250");
			assertThat(server.commands()).containsExactly("HELO client", "NOOP");
		}
	}

	@Test
	void answerShouldReplyInsteadOfTheServer() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port()).start();
				SmtpClient client = SmtpClient.connect(proxy.port())) {
			proxy.injectEverywhere(Fault.answer("mail", 1, "451 4.3.0 Injected"));
			client.reply();
			assertThat(client.send("HELO client")).startsWith("250");
			assertThat(client.send("MAIL FROM:<a@example.org>")).isEqualTo("451 4.3.0 Injected");
			assertThat(client.send("MAIL FROM:<a@example.org>")).startsWith("250");
			assertThat(server.commands()).containsExactly("HELO client", "MAIL FROM:<a@example.org>");
		}
	}

	@Test
	void resetAfterClientBytesShouldForwardExactlyThatManyBytes() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port()).start();
				SmtpClient client = SmtpClient.connect(proxy.port())) {
			proxy.inject(0, Fault.resetAfterClientBytes(16));
			client.reply();
			assertThat(client.send("HELO client")).startsWith("250");
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> client.send("NOOP and more"));
			// "HELO client\r\n" is 13 bytes, then 3 bytes of the cut line: "NOO" never
			// became a command.
			assertThat(server.commands()).containsExactly("HELO client");
			assertThat(proxy.clientText()).isEqualTo("HELO client\r\nNOOP and more\r\n");
		}
	}

	@Test
	void resetAfterServerBytesShouldCutTheReplyThere() throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder().start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port()).start();
				SmtpClient client = SmtpClient.connect(proxy.port())) {
			proxy.inject(0, Fault.resetAfterServerBytes(5));
			assertThatExceptionOfType(IOException.class).isThrownBy(client::reply);
			assertThat(server.commands()).isEmpty();
		}
	}

}
