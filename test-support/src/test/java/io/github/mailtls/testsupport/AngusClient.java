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

import java.util.Properties;

import javax.net.ssl.SSLContext;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one message with plain Angus Mail, configured as a test needs.
 */
final class AngusClient {

	private final Properties properties = new Properties();

	private String user = "";

	private String password = "";

	private AngusClient(String host, int port) {
		this.properties.put("mail.smtp.host", host);
		this.properties.put("mail.smtp.port", String.valueOf(port));
		this.properties.put("mail.smtp.connectiontimeout", "5000");
		this.properties.put("mail.smtp.timeout", "5000");
		this.properties.put("mail.smtp.writetimeout", "5000");
	}

	static AngusClient to(String host, int port) {
		return new AngusClient(host, port);
	}

	AngusClient startTls(SSLContext sslContext, boolean required) {
		this.properties.put("mail.smtp.starttls.enable", "true");
		this.properties.put("mail.smtp.starttls.required", String.valueOf(required));
		this.properties.put("mail.smtp.ssl.socketFactory", sslContext.getSocketFactory());
		return this;
	}

	AngusClient implicitTls(SSLContext sslContext) {
		this.properties.put("mail.smtp.ssl.enable", "true");
		this.properties.put("mail.smtp.ssl.socketFactory", sslContext.getSocketFactory());
		this.properties.put("mail.smtp.socketFactory.fallback", "false");
		return this;
	}

	AngusClient property(String name, String value) {
		this.properties.put(name, value);
		return this;
	}

	AngusClient credentials(String user, String password) {
		this.properties.put("mail.smtp.auth", "true");
		this.user = user;
		this.password = password;
		return this;
	}

	void send(String text) throws MessagingException {
		MimeMessage message = new MimeMessage(Session.getInstance(this.properties));
		message.setFrom(new InternetAddress("sender@example.com"));
		message.setRecipients(Message.RecipientType.TO, "one@example.com, two@example.com");
		message.setSubject("Test");
		message.setText(text);
		if (this.user.isEmpty()) {
			Transport.send(message);
		}
		else {
			Transport.send(message, this.user, this.password);
		}
	}

}
