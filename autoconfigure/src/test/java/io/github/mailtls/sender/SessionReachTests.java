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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.smtp.EnforcingSmtpTransport;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.StripTlsProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Nothing reaches around the policy through the sender's own objects: its properties
 * cannot be changed at runtime, and every transport its session creates enforces the
 * policy, proven on the wire by a STRIPTLS proxy's record of the client's bytes.
 */
class SessionReachTests {

	private static final String PASSWORD = "reach-Passw0rd";

	@Test
	void changingPropertiesAtRuntimeShouldBeRefusedAndLeaveThePolicyInForce() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.UNTRUSTED.serverSslContext())
			.start()) {
			SenderContexts.forPort(server.port()).run((context) -> {
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				Properties properties = sender.getJavaMailProperties();
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> properties.put("mail.smtp.ssl.trust", "*"))
					.withMessageContaining("fixed");
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> sender.getSession().getProperties().setProperty("mail.smtp.ssl.trust", "*"));
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> properties.remove("mail.smtp.ssl.checkserveridentity"));
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> properties.entrySet().clear());
				assertThat(properties.getProperty("mail.smtp.ssl.trust")).isNull();
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(SenderContexts.message()));
				assertThat(MailTlsPolicyException.findIn(ex).getReason())
					.isEqualTo(RefusalReason.CERTIFICATE_UNTRUSTED);
			});
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void sessionTransportShouldEnforceThePolicyInOpportunisticMode() {
		try (SmtpTestServer server = vulnerableServer();
				StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port())) {
			SenderContexts.forPort(proxy.port(), "mail.tls.mode=opportunistic").run((context) -> {
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				Transport transport = sender.getSession().getTransport();
				assertThat(transport).isInstanceOf(EnforcingSmtpTransport.class);
				assertThat(sender.getSession().getTransport("smtps")).isInstanceOf(EnforcingSmtpTransport.class);
				MessagingException ex = catchThrowableOfType(MessagingException.class,
						() -> transport.connect("localhost", proxy.port(), "user", PASSWORD));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.PLAINTEXT_REFUSED);
			});
			assertNothingAfterEhlo(proxy);
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void transportSendWithCredentialsShouldEnforceThePolicyInOpportunisticMode() {
		try (SmtpTestServer server = vulnerableServer();
				StripTlsProxy proxy = StripTlsProxy.stripping("127.0.0.1", server.port())) {
			SenderContexts.forPort(proxy.port(), "mail.tls.mode=opportunistic").run((context) -> {
				MimeMessage message = message(context.getBean(JavaMailSender.class).createMimeMessage());
				MessagingException ex = catchThrowableOfType(MessagingException.class,
						() -> Transport.send(message, "user", PASSWORD));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.PLAINTEXT_REFUSED);
			});
			assertNothingAfterEhlo(proxy);
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void transportSendShouldGoToTheConfiguredServerUnderThePolicy() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			SenderContexts.forPort(server.port()).run((context) -> {
				MimeMessage message = message(context.getBean(JavaMailSender.class).createMimeMessage());
				MessagingException ex = catchThrowableOfType(MessagingException.class, () -> Transport.send(message));
				assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.STARTTLS_NOT_OFFERED);
			});
			assertThat(server.commands()).allMatch((command) -> command.startsWith("EHLO"));
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void transportOfASessionWithoutEnforcementShouldConnectNowhere() {
		try (SmtpTestServer server = SmtpTestServer.builder().start()) {
			Transport transport = new EnforcingSmtpTransport(Session.getInstance(new Properties()), null);
			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> transport.connect("localhost", server.port(), null, null))
				.withMessageContaining("has none");
			assertThat(server.connectionCount()).isZero();
		}
	}

	private static MimeMessage message(MimeMessage message) throws MessagingException {
		message.setFrom(new InternetAddress("sender@example.org"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("rcpt@example.org"));
		message.setSubject("reach");
		message.setText("Hello over TLS");
		return message;
	}

	private static void assertNothingAfterEhlo(StripTlsProxy proxy) {
		assertThat(proxy.clientText()).startsWith("EHLO ")
			.doesNotContain("AUTH")
			.doesNotContain("MAIL FROM")
			.doesNotContain("DATA")
			.doesNotContain(PASSWORD)
			.doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
	}

	private static SmtpTestServer vulnerableServer() {
		return SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("user", PASSWORD)
			.authBeforeStartTls(true)
			.start();
	}

}
