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
package io.github.mailtls.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.endpoint.MailTlsEndpoint.MailTlsDescriptor;
import io.github.mailtls.endpoint.MailTlsEndpoint.SendDescriptor;
import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MailTlsEndpoint} with real sends.
 */
class MailTlsEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
		.withBean(RecentTlsSends.class, () -> new RecentTlsSends(2));

	@Test
	void mailTlsShouldDescribeTheEffectivePolicy() {
		this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(2525,
				"mail.tls.cipher-suites=TLS_AES_128_GCM_SHA256", "mail.tls.protocols=TLSv1.3",
				"mail.tls.pinned-public-keys=" + MailTlsFixtures.LOCALHOST.spkiSha256Pin()))
			.run((context) -> {
				MailTlsDescriptor descriptor = endpoint(context.getBean(TlsEnforcingMailSender.class),
						context.getBean(RecentTlsSends.class))
					.mailTls();
				assertThat(descriptor.host()).isEqualTo("localhost");
				assertThat(descriptor.port()).isEqualTo(2525);
				MailTlsEndpoint.PolicyDescriptor policy = descriptor.policy();
				assertThat(policy.configuredMode()).isEqualTo("auto");
				assertThat(policy.mode()).isEqualTo("starttls");
				assertThat(policy.protocols()).containsExactly("TLSv1.3");
				assertThat(policy.cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
				assertThat(policy.verifyHostname()).isTrue();
				assertThat(policy.allowPlaintextAuth()).isFalse();
				assertThat(policy.requireTlsExtension()).isFalse();
				assertThat(policy.pinnedPublicKeys()).containsExactly(MailTlsFixtures.LOCALHOST.spkiSha256Pin());
				assertThat(policy.trustSource()).isEqualTo("SSL bundle 'test'");
				assertThat(policy.timeouts()).isEqualTo(new MailTlsEndpoint.TimeoutsDescriptor("PT2S", "PT3S", "PT3S"));
				assertThat(descriptor.recentSends()).isEmpty();
			});
	}

	@Test
	void mailTlsShouldListRecentSendsNewestFirstWithinCapacity() {
		RecentTlsSends recentSends = new RecentTlsSends(2);
		try (SmtpTestServer tls = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); SmtpTestServer plaintext = SmtpTestServer.builder().hideStartTls().start()) {
			ApplicationContextRunner contextRunner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
				.withBean(RecentTlsSends.class, () -> recentSends);
			contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(tls.port())).run((context) -> {
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				sender.send(MailTlsFixtures.message());
				sender.send(MailTlsFixtures.message(), MailTlsFixtures.message());
			});
			contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(plaintext.port())).run((context) -> {
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				assertThatExceptionOfType(MailSendException.class)
					.isThrownBy(() -> sender.send(MailTlsFixtures.message()));
				MailTlsDescriptor descriptor = endpoint(sender, recentSends).mailTls();
				assertThat(descriptor.recentSends()).hasSize(2);
				SendDescriptor refused = descriptor.recentSends().get(0);
				assertThat(refused.outcome()).isEqualTo("refused");
				assertThat(refused.reason()).isEqualTo("starttls_not_offered");
				assertThat(refused.port()).isEqualTo(plaintext.port());
				assertThat(refused.protocol()).isNull();
				assertThat(refused.certificate()).isNull();
				assertThat(refused.startTlsAdvertised()).isFalse();
				SendDescriptor success = descriptor.recentSends().get(1);
				assertThat(success.outcome()).isEqualTo("success");
				assertThat(success.reason()).isNull();
				assertThat(success.messageCount()).isEqualTo(2);
				assertThat(success.mode()).isEqualTo("starttls");
				assertThat(success.protocol()).isEqualTo("TLSv1.3");
				assertThat(success.cipherSuite()).isEqualTo(tls.messages().get(1).tlsCipherSuite());
				assertThat(success.peerCertificateVerified()).isTrue();
				assertThat(success.startTlsAdvertised()).isTrue();
				assertThat(success.certificate().spkiSha256()).isEqualTo(MailTlsFixtures.LOCALHOST.spkiSha256Pin());
				assertThat(success.certificate().notAfter())
					.isEqualTo(MailTlsFixtures.LOCALHOST.certificate().getNotAfter().toInstant().toString());
				assertThat(descriptor.toString()).doesNotContain(MailTlsFixtures.SUBJECT).doesNotContain("@");
			});
		}
	}

	private static MailTlsEndpoint endpoint(TlsEnforcingMailSender sender, RecentTlsSends recentSends) {
		return new MailTlsEndpoint(sender, recentSends);
	}

}
