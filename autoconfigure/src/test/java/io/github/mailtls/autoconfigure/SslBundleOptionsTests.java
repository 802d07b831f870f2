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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.ReceivedMessage;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends with SSL bundles whose {@code options.enabled-protocols} and
 * {@code options.ciphers} narrow the policy, and checks on both ends what was negotiated.
 */
class SslBundleOptionsTests {

	private static final String BUNDLE_OPTIONS = "spring.ssl.bundle.pem.test.options.";

	@Test
	void sendWithBundleRestrictedToTls12ShouldNegotiateTls12() {
		try (SmtpTestServer server = startTlsServer()) {
			contextRunner(server, BUNDLE_OPTIONS + "enabled-protocols=TLSv1.2").run((context) -> {
				assertThat(context.getBean(TlsEnforcingMailSender.class).getPolicy().protocols())
					.containsExactly("TLSv1.2");
				context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
				ReceivedMessage received = server.messages().get(0);
				assertThat(received.tlsProtocol()).isEqualTo("TLSv1.2");
				assertThat(context.getBean(Records.class).records).singleElement()
					.extracting(TlsSendRecord::protocol)
					.isEqualTo("TLSv1.2");
			});
		}
	}

	@Test
	void sendWithBundleCiphersAndNoCipherPropertyShouldNegotiateABundleCipher() {
		try (SmtpTestServer server = startTlsServer()) {
			contextRunner(server, BUNDLE_OPTIONS + "ciphers=TLS_AES_256_GCM_SHA384").run((context) -> {
				context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
				assertThat(server.messages().get(0).tlsCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
			});
		}
	}

	@Test
	void sendWithBundleCiphersAndCipherPropertyShouldUseTheirIntersection() {
		try (SmtpTestServer server = startTlsServer()) {
			contextRunner(server, BUNDLE_OPTIONS + "ciphers=TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256",
					"mail.tls.cipher-suites=TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256")
				.run((context) -> {
					assertThat(context.getBean(TlsEnforcingMailSender.class).getPolicy().cipherSuites())
						.containsExactly("TLS_AES_128_GCM_SHA256");
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
					assertThat(server.messages().get(0).tlsCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
				});
		}
	}

	@Test
	void runWhenBundleAndPolicyShareNoProtocolShouldFailNamingBoth() {
		FailureAnalysis analysis = failure(BUNDLE_OPTIONS + "enabled-protocols=TLSv1.2", "mail.tls.protocols=TLSv1.3");
		assertThat(analysis.getDescription()).contains("'mail.tls.protocols'")
			.contains("spring.ssl.bundle.*.test.options.enabled-protocols");
		assertThat(analysis.getAction()).contains("mail.tls.protocols")
			.contains("spring.ssl.bundle.*.test.options.enabled-protocols");
	}

	@Test
	void runWhenBundleAndPolicyShareNoCipherSuiteShouldFailNamingBoth() {
		FailureAnalysis analysis = failure(BUNDLE_OPTIONS + "ciphers=TLS_AES_256_GCM_SHA384",
				"mail.tls.cipher-suites=TLS_AES_128_GCM_SHA256");
		assertThat(analysis.getDescription()).contains("'mail.tls.cipher-suites'")
			.contains("spring.ssl.bundle.*.test.options.ciphers");
	}

	@Test
	void runWhenBundleNamesAnUnknownCipherSuiteShouldFail() {
		assertThat(failure(BUNDLE_OPTIONS + "ciphers=TLS_NO_SUCH_SUITE").getDescription())
			.contains("'spring.ssl.bundle.*.test.options.ciphers'")
			.contains("TLS_NO_SUCH_SUITE");
	}

	private static SmtpTestServer startTlsServer() {
		return SmtpTestServer.builder().startTls(MailTlsFixtures.LOCALHOST.serverSslContext()).start();
	}

	private static ApplicationContextRunner contextRunner(SmtpTestServer server, String... properties) {
		return contextRunner(server.port(), properties);
	}

	private static ApplicationContextRunner contextRunner(int port, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
			.withBean(Records.class)
			.withPropertyValues(MailTlsFixtures.senderProperties(port, "mail.tls.mode=starttls"))
			.withPropertyValues(properties);
	}

	private static FailureAnalysis failure(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		contextRunner(25, properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new MailTlsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis[0]).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
			assertThat(analysis[0].getCause()).isInstanceOf(MailTlsConfigurationException.class);
		});
		return analysis[0];
	}

	static class Records implements TlsSendListener {

		final List<TlsSendRecord> records = new CopyOnWriteArrayList<>();

		@Override
		public void onSend(TlsSendRecord record) {
			this.records.add(record);
		}

	}

}
