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

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.autoconfigure.MailTlsObservationAutoConfiguration;
import io.github.mailtls.fixtures.MailTlsFixtures;

/**
 * Runs the auto-configured sender from properties only, as an application would, with the
 * test CA as its SSL bundle, short timeouts and a {@link RecordingListener}.
 */
final class SenderContexts {

	private SenderContexts() {
	}

	static ApplicationContextRunner forPort(int port, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class,
					MailTlsObservationAutoConfiguration.class, SslAutoConfiguration.class))
			.withBean(RecordingListener.class)
			.withPropertyValues(MailTlsFixtures.senderProperties(port, properties));
	}

	static SimpleMailMessage message() {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("sender@example.org");
		message.setTo("rcpt@example.org");
		message.setSubject("mail-tls test");
		message.setText("Hello over TLS");
		return message;
	}

	/**
	 * Create distinct MIME messages, each with its own subject ({@code message <i>}).
	 * @param sender the sender whose session makes them
	 * @param count how many
	 * @return the messages
	 */
	static List<MimeMessage> messages(JavaMailSender sender, int count) {
		List<MimeMessage> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message);
				helper.setFrom("sender@example.org");
				helper.setTo("rcpt@example.org");
				helper.setSubject("message " + i);
				helper.setText("body " + i);
				messages.add(message);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return messages;
	}

}
