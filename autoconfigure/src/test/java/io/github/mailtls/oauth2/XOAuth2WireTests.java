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
package io.github.mailtls.oauth2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.StripTlsProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What crosses the wire when the sender authenticates with an access token, recorded by a
 * proxy between the sender and the server: {@code AUTH XOAUTH2} only ever goes under TLS,
 * whatever the mode and {@code mail.tls.allow-plaintext-auth} say.
 */
@ExtendWith(OutputCaptureExtension.class)
class XOAuth2WireTests {

	private static final String MAILBOX = "noreply@example.com";

	private static final String TOKEN = "eyJ-wire-test-access-token-value";

	private static final String INITIAL_RESPONSE = Base64.getEncoder()
		.encodeToString(
				("user=" + MAILBOX + "\u0001auth=Bearer " + TOKEN + "\u0001\u0001").getBytes(StandardCharsets.UTF_8));

	// Before every test: applications that start or stop reset the logging system.
	@BeforeEach
	void traceLogging() {
		TraceLogging.enable();
	}

	@AfterAll
	static void resetLogging() {
		TraceLogging.reset();
	}

	@Test
	void starttlsShouldSendTheTokenOnlyInsideTls(CapturedOutput output) {
		try (SmtpTestServer server = server();
				StripTlsProxy proxy = StripTlsProxy.passthrough("localhost", server.port())) {
			runner(proxy.port(), "mail.tls.mode=starttls")
				.run((context) -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.overTls()).isTrue());
			assertThat(server.commands()).contains("AUTH XOAUTH2 " + INITIAL_RESPONSE);
			assertThat(server.commands().indexOf("AUTH XOAUTH2 " + INITIAL_RESPONSE))
				.isGreaterThan(server.commands().indexOf("STARTTLS"));
			assertThat(proxy.clientText()).contains("STARTTLS")
				.doesNotContain("AUTH")
				.doesNotContain(INITIAL_RESPONSE)
				.doesNotContain(TOKEN);
		}
		// The capture saw Angus' most verbose output, and no token.
		assertThat(output.getAll()).contains("create socket").doesNotContain(TOKEN).doesNotContain(INITIAL_RESPONSE);
	}

	@Test
	void opportunisticBehindAStripTlsAttackerShouldRefuseBeforeAuthEvenIfPlaintextAuthIsAllowed(CapturedOutput output) {
		try (SmtpTestServer server = server();
				StripTlsProxy proxy = StripTlsProxy.stripping("localhost", server.port())) {
			runner(proxy.port(), "mail.tls.mode=opportunistic", "mail.tls.allow-plaintext-auth=true").run((context) -> {
				MailSendException failure = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
				assertThat(MailTlsPolicyException.findIn(failure)).isNotNull()
					.satisfies((refusal) -> assertThat(refusal.getReason()).isEqualTo(RefusalReason.PLAINTEXT_REFUSED));
				assertThat(failure).hasMessageContaining("never sent without TLS");
			});
			assertThat(proxy.clientText()).contains("EHLO")
				.doesNotContain("AUTH")
				.doesNotContain("MAIL FROM")
				.doesNotContain(TOKEN);
			assertThat(server.presentedBearerTokens()).isEmpty();
			assertThat(server.messages()).isEmpty();
		}
		assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(INITIAL_RESPONSE);
	}

	@Test
	void implicitTlsShouldNeverShowTheTokenOnTheWire() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.xoauth2((user, token) -> TOKEN.equals(token))
			.start(); StripTlsProxy proxy = StripTlsProxy.passthrough("localhost", server.port())) {
			runner(proxy.port(), "mail.tls.mode=implicit")
				.run((context) -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
			assertThat(server.messages()).hasSize(1);
			assertThat(proxy.clientText()).doesNotContain("AUTH").doesNotContain("EHLO").doesNotContain(TOKEN);
		}
	}

	private static SmtpTestServer server() {
		return SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.xoauth2((user, token) -> MAILBOX.equals(user) && TOKEN.equals(token))
			.start();
	}

	private static ApplicationContextRunner runner(int port, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
			.withBean(MailTlsAccessTokenProvider.class, () -> (username, forceRefresh) -> TOKEN)
			.withPropertyValues(MailTlsFixtures.senderProperties(port, properties))
			.withPropertyValues("spring.mail.username=" + MAILBOX);
	}

}
