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
package io.github.mailtls.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.autoconfigure.logcontrol.PlainAngusTransport;
import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a message with credentials through an application whose mail-tls and Angus
 * loggers are all at {@code TRACE}, and checks that the captured output holds none of the
 * personal data, while an Angus transport without the sink, logging at the same levels
 * into the same output, shows what a leak would look like.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingTests {

	private static final String USER = "lc-user-7Qx2";

	private static final String PASSWORD = "lc-pass-9Zk4";

	private static final String FROM = "lc.sender.5512@example.org";

	private static final String TO = "lc.recipient.8841@example.org";

	private static final String SUBJECT = "LcSubject 31337";

	private static final String BODY = "LcBody 4711 confidential";

	private static final String CONTROL_TO = "control.recipient.2207@example.org";

	@Test
	void sendWithEveryLoggerAtTraceShouldLogNoPersonalData(CapturedOutput output) throws Exception {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth(USER, PASSWORD)
			.start(); SmtpTestServer plainServer = SmtpTestServer.builder().start()) {
			try (ConfigurableApplicationContext context = start(server.port())) {
				context.getBean(JavaMailSender.class).send(message());
				sendWithoutSink(plainServer.port());
			}
			assertThat(server.messages()).singleElement()
				.satisfies((received) -> assertThat(received.dataAsString()).contains(BODY));
			assertThat(plainServer.messages()).hasSize(1);
		}
		// The capture works: Angus' FINE/FINEST records reach it as DEBUG/TRACE lines.
		assertThat(output.getOut()).contains(CONTROL_TO).containsPattern("(?m)^\\S+\\s+TRACE ");
		String[] secrets = { USER, PASSWORD, FROM, TO, SUBJECT, BODY, base64(USER), base64(PASSWORD),
				base64("\0" + USER + "\0" + PASSWORD) };
		assertThat(output.getAll()).doesNotContain(secrets);
	}

	private static ConfigurableApplicationContext start(int port) {
		SpringApplication application = new SpringApplication(MailApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>();
		for (String property : MailTlsFixtures.senderProperties(port, "mail.tls.mode=starttls",
				"spring.mail.username=" + USER, "spring.mail.password=" + PASSWORD,
				"logging.level.io.github.mailtls=TRACE", "logging.level.org.eclipse.angus=TRACE",
				"logging.level.jakarta.mail=TRACE", "logging.level.org.springframework.mail=TRACE")) {
			args.add("--" + property);
		}
		return application.run(args.toArray(String[]::new));
	}

	private static SimpleMailMessage message() {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(FROM);
		message.setTo(TO);
		message.setSubject(SUBJECT);
		message.setText(BODY);
		return message;
	}

	private static void sendWithoutSink(int port) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.timeout", "3000");
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("control.sender@example.org"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(CONTROL_TO));
		message.setSubject("control");
		message.setText("control");
		message.saveChanges();
		try (PlainAngusTransport transport = new PlainAngusTransport(session)) {
			transport.connect();
			transport.sendMessage(message, message.getAllRecipients());
		}
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailTlsAutoConfiguration.class, SslAutoConfiguration.class })
	static class MailApplication {

	}

}
