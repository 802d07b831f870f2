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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.testsupport.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every failure gets the reason and the words that are true for it: what the connection
 * had reached decides the explanation.
 */
class FailureExplanationTests {

	@Test
	void connectTimeoutShouldBeExplainedAsAConnectTimeout() throws IOException {
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> fillers = fillBacklog(full);
			try {
				SenderContexts.forPort(full.getLocalPort(), "mail.tls.timeouts.connect=1s").run((context) -> {
					long start = System.nanoTime();
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
					assertThat(ex).hasMessageContaining("Could not connect to localhost:" + full.getLocalPort())
						.hasMessageContaining("mail.tls.timeouts.connect")
						.hasMessageNotContaining("greeting")
						.hasMessageNotContaining("implicit TLS");
					assertThat(MailTlsPolicyException.findIn(ex)).isNull();
					assertThat(context.getBean(RecordingListener.class).single().outcome())
						.isEqualTo(SendOutcome.FAILURE);
				});
			}
			finally {
				for (Socket filler : fillers) {
					filler.close();
				}
			}
		}
	}

	@Test
	void plaintextAfterAcceptedStartTlsShouldBeAStartTlsFailure() {
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start((line) -> switch (ScriptedSmtpServer.verb(line)) {
			case "EHLO" -> "250-scripted.example.org\r\n250 STARTTLS";
			case "STARTTLS" -> "220 Go ahead\r\n250 but this is not TLS at all, just plain text";
			default -> "500 unexpected";
		})) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=starttls").run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.STARTTLS_FAILED);
				assertThat(ex).hasMessageContaining("accepted STARTTLS but then answered in plaintext")
					.hasMessageNotContaining("Use mail.tls.mode=starttls");
			});
			// After STARTTLS only the ClientHello went out: no SMTP command in clear.
			List<String> verbs = server.commands().stream().map(ScriptedSmtpServer::verb).toList();
			assertThat(verbs).startsWith("EHLO", "STARTTLS");
			assertThat(verbs.subList(2, verbs.size())).noneMatch(
					(verb) -> List.of("EHLO", "HELO", "AUTH", "MAIL", "RCPT", "DATA", "QUIT", "RSET").contains(verb));
		}
	}

	@Test
	void serverWithOnlyAnOldTlsVersionShouldBeAProtocolRefusal() {
		// What an OpenSSL server limited to TLSv1.1 answers a ClientHello that offers
		// only
		// TLSv1.3 and TLSv1.2: a fatal protocol_version alert (RFC 8446 §6.2).
		String protocolVersionAlert = new String(new char[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46 });
		AtomicBoolean alerted = new AtomicBoolean();
		try (ScriptedSmtpServer server = ScriptedSmtpServer.start((line) -> switch (ScriptedSmtpServer.verb(line)) {
			case "EHLO" -> "250-scripted.example.org\r\n250 STARTTLS";
			case "STARTTLS" -> "220 Go ahead";
			default -> alerted.getAndSet(true) ? ScriptedSmtpServer.CLOSE : protocolVersionAlert;
		})) {
			SenderContexts.forPort(server.port(), "mail.tls.mode=starttls").run((context) -> {
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.PROTOCOL_NOT_ALLOWED);
				assertThat(ex).hasMessageContaining("mail.tls.protocols").hasMessageContaining("protocol_version");
			});
			assertThat(alerted).isTrue();
		}
	}

	// A listen queue that is full makes the kernel drop further connection attempts.
	private static List<Socket> fillBacklog(ServerSocket server) throws IOException {
		List<Socket> fillers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			Socket filler = new Socket();
			try {
				filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
				fillers.add(filler);
			}
			catch (IOException ex) {
				filler.close();
				return fillers;
			}
		}
		throw new IllegalStateException("The listen queue never filled up");
	}

}
