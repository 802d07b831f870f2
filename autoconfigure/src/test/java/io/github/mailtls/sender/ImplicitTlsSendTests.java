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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStoreException;
import java.io.OutputStream;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.testsupport.ReceivedMessage;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends with implicit TLS to GreenMail and to SubEthaSMTP.
 */
class ImplicitTlsSendTests {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private static GreenMail greenMail;

	@BeforeAll
	static void startGreenMail() throws Exception {
		// GreenMail reads its server key store once per JVM from these properties.
		Path keyStore = Files.createTempFile("greenmail", ".p12");
		keyStore.toFile().deleteOnExit();
		try (OutputStream out = Files.newOutputStream(keyStore)) {
			MailTlsFixtures.LOCALHOST.keyStore(PASSWORD).store(out, PASSWORD);
		}
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, keyStore.toString());
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, new String(PASSWORD));
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, new String(PASSWORD));
		greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
		greenMail.start();
	}

	@AfterAll
	static void stopGreenMail() {
		greenMail.stop();
	}

	@Test
	void sendToGreenMailOverImplicitTlsShouldDeliverAndRecordTheSession() throws Exception {
		int port = greenMail.getSmtps().getPort();
		SenderContexts.forPort(port, "mail.tls.mode=implicit").run((context) -> {
			context.getBean(JavaMailSender.class).send(SenderContexts.message());
			TlsSendRecord record = context.getBean(RecordingListener.class).single();
			assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
			assertThat(record.security()).isEqualTo(TransportSecurity.IMPLICIT);
			assertThat(record.protocol()).isIn("TLSv1.3", "TLSv1.2");
			assertThat(record.startTlsAdvertised()).isFalse();
			assertThat(record.certificate().spkiSha256()).isEqualTo(MailTlsFixtures.LOCALHOST.spkiSha256Pin());
		});
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("mail-tls test");
	}

	@Test
	void sendToPort465WithDefaultModeShouldUseImplicitTls() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			// The default mode resolves by port; the server port is random, so pin the
			// mode the
			// way auto would for 465 and check the resolution itself in the
			// auto-configuration tests.
			SenderContexts.forPort(server.port(), "mail.tls.mode=implicit").run((context) -> {
				context.getBean(JavaMailSender.class).send(SenderContexts.message());
				ReceivedMessage received = server.messages().get(0);
				TlsSendRecord record = context.getBean(RecordingListener.class).single();
				assertThat(record.security()).isEqualTo(TransportSecurity.IMPLICIT);
				assertThat(record.protocol()).isEqualTo(received.tlsProtocol());
				assertThat(record.cipherSuite()).isEqualTo(received.tlsCipherSuite());
			});
		}
	}

}
