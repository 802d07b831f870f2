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

import java.util.List;

import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.it.PostfixContainer.TlsConnection;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.StripTlsProxy;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.javamail.JavaMailSender;

import static io.github.mailtls.it.PostfixContainer.STARTTLS_PORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pooled connections against a real MTA: sequential sends reuse one verified TLS
 * connection, and without pooling each send opens its own. A recording proxy counts the
 * connections the sender opened; Postfix must log exactly as many TLS sessions.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConnectionReuseTests {

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@Test
	void sendWhenPooledShouldDeliverEveryMessageOverOneTlsConnection() {
		List<SmtpSession> sessions = sendSequentially(50, 1);
		assertThat(sessions.get(0).commands()).as(sessions.get(0).line())
			.containsEntry("starttls", "1")
			.containsEntry("auth", "1")
			.containsEntry("mail", "50")
			.containsEntry("data", "50");
	}

	@Test
	void sendPastTheMessageBudgetShouldReplaceEachConnectionWithinIt() {
		// Successors are opened ahead (the default); the third connection never reaches
		// the last quarter of its budget, so no fourth one is opened.
		List<SmtpSession> sessions = sendSequentially(25, 3, "mail.tls.pool.max-messages-per-connection=10");
		assertThat(sessions).allSatisfy((session) -> assertThat(session.commands()).as(session.line())
			.containsEntry("starttls", "1")
			.containsEntry("auth", "1"));
		assertThat(sessions).extracting((session) -> session.commands().get("mail"))
			.containsExactlyInAnyOrder("10", "10", "5");
		assertThat(this.listener.records()).extracting(TlsSendRecord::connectionReused)
			.containsExactly(false, true, true, true, true, true, true, true, true, true, false, true, true, true, true,
					true, true, true, true, true, false, true, true, true, true);
	}

	@Test
	void sendWhenPoolingIsDisabledShouldOpenOneTlsConnectionPerMessage() {
		List<SmtpSession> sessions = sendSequentially(10, 10, "mail.tls.pool.enabled=false");
		assertThat(sessions).allSatisfy((session) -> assertThat(session.commands()).as(session.line())
			.containsEntry("starttls", "1")
			.containsEntry("auth", "1")
			.containsEntry("mail", "1"));
	}

	private List<SmtpSession> sendSequentially(int messages, int expectedConnections, String... properties) {
		String batch = PostfixSenderContexts.uniqueSubject("batch");
		LogMark mark = postfix.logMark();
		int opened;
		try (StripTlsProxy proxy = StripTlsProxy.passthrough(postfix.getHost(), postfix.mappedPort(STARTTLS_PORT))) {
			PostfixSenderContexts.forAddress(postfix, "localhost", proxy.port(), this.listener, properties)
				.run((context) -> {
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					for (int i = 0; i < messages; i++) {
						sender.send(PostfixSenderContexts.message(subject(batch, i)));
					}
				});
			opened = proxy.connectionCount();
		}
		assertThat(opened).as("connections the sender opened").isEqualTo(expectedConnections);
		// The context is closed, so every connection has ended and Postfix logs it
		// promptly.
		List<SmtpSession> sessions = postfix.awaitSessions(mark, STARTTLS_PORT, opened);
		assertThat(sessions).hasSize(opened);
		List<TlsConnection> tlsConnections = postfix.tlsConnectionsSince(mark);
		assertThat(tlsConnections).hasSize(opened).allSatisfy((connection) -> {
			assertThat(connection.port()).isEqualTo(STARTTLS_PORT);
			assertThat(connection.tls()).isEqualTo(tlsConnections.get(0).tls());
		});
		assertThat(this.listener.records()).hasSize(messages).allSatisfy((record) -> {
			assertThat(record.outcome()).isEqualTo(SendOutcome.SUCCESS);
			PostfixAssertions.assertSameTls(record, tlsConnections.get(0));
		});
		List<String> delivered = postfix.awaitMessages(batch, messages);
		assertThat(delivered).hasSize(messages);
		for (int i = 0; i < messages; i++) {
			String subject = subject(batch, i);
			assertThat(delivered).as(subject).anyMatch((message) -> message.contains(subject));
		}
		return sessions;
	}

	private static String subject(String batch, int number) {
		// Fixed width, so that no subject is a prefix of another.
		return "%s #%03d".formatted(batch, number);
	}

}
