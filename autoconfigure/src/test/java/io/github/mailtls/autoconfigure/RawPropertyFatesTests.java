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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts applications with raw {@code spring.mail.properties.*} of each fate and checks
 * what the failure analysis says, and, for keys refused because of what they would do on
 * the wire, that no connection was made.
 */
class RawPropertyFatesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void runWithKeyThatPassesThroughShouldHandItToTheSession() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=smtp.example.com",
					"spring.mail.properties.mail.smtp.localhost=client.example.org",
					"spring.mail.properties.mail.smtp.auth.mechanisms=PLAIN")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TlsEnforcingMailSender.class).getSession().getProperties())
					.containsEntry("mail.smtp.localhost", "client.example.org")
					.containsEntry("mail.smtp.auth.mechanisms", "PLAIN");
			});
	}

	@Test
	void runWithOwnedKeyThatRepeatsThePolicyShouldStart() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=465",
				"spring.mail.properties.mail.smtp.ssl.enable=true", "spring.mail.properties.mail.smtp.timeout=30000")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void runWithOwnedKeyThatDiffersShouldFailNamingTheProperty() {
		FailureAnalysis analysis = failure("spring.mail.properties.mail.smtp.timeout=5000");
		assertThat(analysis.getDescription())
			.contains("'mail.smtp.timeout' (use mail.tls.timeouts.read, the policy sets '30000')");
		assertThat(analysis.getAction()).contains("Raw Jakarta Mail properties");
	}

	@Test
	void runWithTransportClassShouldFail() {
		assertThat(failure("spring.mail.properties.mail.smtp.class=org.eclipse.angus.mail.smtp.SMTPTransport")
			.getDescription()).contains("'mail.smtp.class'");
	}

	@Test
	void runWithSocksProxyShouldFailWithoutShowingTheSecret() {
		FailureAnalysis analysis = failure("spring.mail.properties.mail.smtp.socks.host=127.0.0.1",
				"spring.mail.properties.mail.smtp.proxy.password=proxy-secret-42");
		assertThat(analysis.getDescription())
			.contains("'mail.smtp.socks.host' (use nothing: connections through a proxy")
			.contains("'mail.smtp.proxy.password'")
			.doesNotContain("proxy-secret-42");
	}

	@Test
	void runWithUnknownTlsKeyShouldFail() {
		assertThat(failure("spring.mail.properties.mail.smtps.ssl.trustmanager=all").getDescription())
			.contains("'mail.smtps.ssl.trustmanager' (unknown key");
	}

	@Test
	void runWithEhloOffShouldFailBeforeAnyConnection() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			FailureAnalysis analysis = failureAgainst(server, "mail.tls.mode=opportunistic",
					"mail.tls.verify-on-startup=true", "spring.mail.properties.mail.smtp.ehlo=false");
			assertThat(analysis.getDescription()).contains("'mail.smtp.ehlo'").contains("STARTTLS");
			assertThat(server.connectionCount()).isZero();
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void runWithAuthDebugShouldFailBeforeAnyConnection() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("debug-user", "debug-password")
			.start()) {
			FailureAnalysis analysis = failureAgainst(server, "spring.mail.username=debug-user",
					"spring.mail.password=debug-password", "mail.tls.verify-on-startup=true",
					"spring.mail.properties.mail.debug=true", "spring.mail.properties.mail.debug.auth=true");
			assertThat(analysis.getDescription()).contains("'mail.debug.auth' (use nothing: it prints the Base64")
				.contains("'mail.debug' (use logging.level.io.github.mailtls")
				.doesNotContain("debug-password");
			assertThat(server.connectionCount()).isZero();
		}
	}

	private FailureAnalysis failure(String... properties) {
		List<String> values = new ArrayList<>(List.of("spring.mail.host=smtp.example.com"));
		values.addAll(List.of(properties));
		return analyze(this.contextRunner.withPropertyValues(values.toArray(String[]::new)));
	}

	private FailureAnalysis failureAgainst(SmtpTestServer server, String... properties) {
		return analyze(
				this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port(), properties)));
	}

	private static FailureAnalysis analyze(ApplicationContextRunner runner) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		runner.run((AssertableApplicationContext context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new MailTlsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis[0]).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
			assertThat(analysis[0].getCause()).isInstanceOf(MailTlsConfigurationException.class);
		});
		return analysis[0];
	}

}
