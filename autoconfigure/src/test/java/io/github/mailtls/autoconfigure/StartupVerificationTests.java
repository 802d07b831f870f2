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

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.TestCertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code mail.tls.verify-on-startup}.
 */
class StartupVerificationTests {

	private static final TestCertificateAuthority CA = TestCertificateAuthority.create("startup CA");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("spring.mail.host=localhost", "mail.tls.ssl-bundle=test",
				"spring.ssl.bundle.pem.test.truststore.certificate=" + CA.certificatePem(), "mail.tls.timeouts.read=2s",
				"mail.tls.verify-on-startup=true");

	@Test
	void startWhenServerMeetsThePolicyShouldStartWithoutAuthenticating() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(CA.issueLocalhost().serverSslContext())
			.auth("user", "secret")
			.start()) {
			this.contextRunner
				.withPropertyValues("spring.mail.port=" + server.port(), "spring.mail.username=user",
						"spring.mail.password=secret", "spring.mail.properties.mail.smtp.auth=true")
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MailTlsStartupVerifier.class));
			assertThat(server.commands()).extracting((command) -> command.split(" ")[0])
				.containsExactly("EHLO", "STARTTLS", "EHLO", "QUIT");
		}
	}

	@Test
	void startWhenServerCertificateHasTheWrongNameShouldFailWithAnalysis() {
		ServerIdentity wrongHost = CA.issueForHost("mail.example.org");
		try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(wrongHost.serverSslContext()).start()) {
			this.contextRunner.withPropertyValues("spring.mail.port=" + server.port(), "mail.tls.mode=implicit")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new MailServerVerificationFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("localhost:" + server.port())
						.contains("reason " + RefusalReason.HOSTNAME_MISMATCH.value())
						.contains("[mail.example.org]");
					assertThat(analysis.getAction()).contains("mail.tls.verify-on-startup=false");
				});
		}
	}

	@Test
	void startWhenImplicitTlsMeetsAPlaintextPortShouldExplainTheMismatch() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.contextRunner.withPropertyValues("spring.mail.port=" + server.port(), "mail.tls.mode=implicit")
				.run((context) -> {
					FailureAnalysis analysis = new MailServerVerificationFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("answered in plaintext")
						.contains("mail.tls.mode=starttls");
				});
		}
	}

	@Test
	void startWhenStartTlsMeetsAnImplicitTlsPortShouldExplainTheMismatch() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(CA.issueLocalhost().serverSslContext())
			.start()) {
			this.contextRunner
				.withPropertyValues("spring.mail.port=" + server.port(), "mail.tls.mode=starttls",
						"mail.tls.timeouts.read=1s")
				.run((context) -> {
					FailureAnalysis analysis = new MailServerVerificationFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("connection failed")
						.contains("sent no SMTP greeting")
						.contains("mail.tls.mode=implicit");
				});
		}
	}

	@Test
	void startWithoutVerificationShouldNotConnect() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.contextRunner
				.withPropertyValues("spring.mail.port=" + server.port(), "mail.tls.verify-on-startup=false")
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MailTlsStartupVerifier.class));
			assertThat(server.connectionCount()).isZero();
		}
	}

	@Test
	void startWithModeNoneShouldVerifyThePlaintextServer() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.contextRunner.withPropertyValues("spring.mail.port=" + server.port(), "mail.tls.mode=none")
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MailTlsStartupVerifier.class));
			assertThat(server.commands()).extracting((command) -> command.split(" ")[0])
				.containsExactly("EHLO", "QUIT");
		}
	}

}
