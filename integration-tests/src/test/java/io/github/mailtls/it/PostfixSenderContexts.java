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
package io.github.mailtls.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.autoconfigure.MailTlsObservationAutoConfiguration;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.testsupport.TestCertificateAuthority;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;

/**
 * Runs the starter's auto-configured sender against a Postfix listener, configured only
 * by properties as an application would be: host, mapped port and SASL credentials in
 * {@code spring.mail.*}, trust in an SSL bundle, the policy in {@code mail.tls.*}.
 */
final class PostfixSenderContexts {

	/**
	 * Recipient in a domain Postfix delivers locally, so every accepted message arrives.
	 */
	static final String RECIPIENT = "rcpt@" + PostfixContainer.LOCAL_DOMAIN;

	private static final String BUNDLE = "postfix";

	private PostfixSenderContexts() {
	}

	/**
	 * Return a runner for the sender of one container port, trusting the suite's CA.
	 * @param postfix the container
	 * @param containerPort the Postfix listener
	 * @param listener receives the sender's TLS records
	 * @param properties further properties, which win over the defaults
	 * @return the runner
	 */
	static ApplicationContextRunner forPort(PostfixContainer postfix, int containerPort, TlsSendListener listener,
			String... properties) {
		return forAddress(postfix, postfix.getHost(), postfix.mappedPort(containerPort), listener, properties);
	}

	/**
	 * Return a runner for a sender that connects to the given address (for example a
	 * proxy in front of Postfix) with the container's credentials.
	 * @param postfix the container whose credentials to use
	 * @param host the host to connect to
	 * @param port the port to connect to
	 * @param listener receives the sender's TLS records
	 * @param properties further properties, which win over the defaults
	 * @return the runner
	 */
	static ApplicationContextRunner forAddress(PostfixContainer postfix, String host, int port,
			TlsSendListener listener, String... properties) {
		// Timeouts well below the defaults keep a failing test from stalling the suite.
		List<String> values = new ArrayList<>(List.of("spring.mail.host=" + host, "spring.mail.port=" + port,
				"spring.mail.username=" + postfix.getUsername(), "spring.mail.password=" + postfix.getPassword(),
				"mail.tls.ssl-bundle=" + BUNDLE, trust(TestAuthorities.POSTFIX), "mail.tls.timeouts.connect=5s",
				"mail.tls.timeouts.read=10s", "mail.tls.timeouts.write=10s"));
		values.addAll(List.of(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class,
					MailTlsObservationAutoConfiguration.class, SslAutoConfiguration.class))
			.withBean(TlsSendListener.class, () -> listener)
			.withPropertyValues(values.toArray(String[]::new));
	}

	/**
	 * Return the property that makes the sender's SSL bundle trust only the given
	 * authority, as inline PEM.
	 * @param authority the authority
	 * @return the property as {@code key=value}
	 */
	static String trust(TestCertificateAuthority authority) {
		return "spring.ssl.bundle.pem." + BUNDLE + ".truststore.certificate=" + authority.certificatePem();
	}

	/**
	 * Return a subject no other test uses, to find the message in the mailbox.
	 * @param label what the test sends
	 * @return the subject
	 */
	static String uniqueSubject(String label) {
		return "mail-tls " + label + " " + UUID.randomUUID();
	}

	/**
	 * Return a message for the locally delivered domain whose body names the subject.
	 * @param subject the subject
	 * @return the message
	 */
	static SimpleMailMessage message(String subject) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("sender@example.org");
		message.setTo(RECIPIENT);
		message.setSubject(subject);
		message.setText(body(subject));
		return message;
	}

	/**
	 * Return the body text of {@link #message(String)}.
	 * @param subject the subject
	 * @return the body
	 */
	static String body(String subject) {
		return "Confidential body of " + subject;
	}

}
