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

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.health.LatestTlsSend;
import io.github.mailtls.health.MailTlsHealthIndicator;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Tests for {@link MailTlsHealthAutoConfiguration}.
 */
class MailTlsHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, MailSenderAutoConfiguration.class,
				MailTlsHealthAutoConfiguration.class, MailHealthContributorAutoConfiguration.class,
				SslAutoConfiguration.class));

	@Test
	void runWithTlsEnforcingSenderShouldReplaceBootMailIndicator() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com").run((context) -> {
			assertThat(context.getBeansOfType(HealthContributor.class)).containsOnlyKeys("mailHealthIndicator");
			assertThat(context).getBean("mailHealthIndicator").isInstanceOf(MailTlsHealthIndicator.class);
			assertThat(context).hasSingleBean(LatestTlsSend.class);
		});
	}

	@Test
	void runWhenMailHealthIsDisabledShouldProvideNoMailIndicator() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=smtp.example.com", "management.health.mail.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
				assertThat(context).doesNotHaveBean(HealthContributor.class);
				assertThat(context).doesNotHaveBean(LatestTlsSend.class);
			});
	}

	@Test
	void runWithoutHealthOnClasspathShouldBackOffAndKeepTheSender() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAsByAnApplication.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
				assertThat(context).doesNotHaveBean(MailTlsHealthIndicator.class);
				assertThat(context).doesNotHaveBean(LatestTlsSend.class);
			});
	}

	@Test
	void runWithUserDefinedSenderShouldLeaveBootIndicatorInPlace() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.withBean(JavaMailSenderImpl.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MailTlsHealthIndicator.class);
				assertThat(context.getBeansOfType(HealthContributor.class)).containsOnlyKeys("mailHealthContributor");
			});
	}

	@Test
	void runWithUserDefinedMailHealthIndicatorShouldBackOff() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.withBean("mailHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MailTlsHealthIndicator.class);
				assertThat(context.getBeansOfType(HealthContributor.class)).containsOnlyKeys("mailHealthIndicator");
			});
	}

	@Test
	void runWithNegativeCacheTtlShouldFailWithExplanation() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com", "mail.tls.health.cache-ttl=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MailTlsConfigurationException.class)
				.hasMessageContaining("mail.tls.health.cache-ttl"));
	}

	@Test
	void healthPolledHundredTimesWithinDefaultTtlShouldOpenOneConnection() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				HealthIndicator indicator = context.getBean("mailHealthIndicator", HealthIndicator.class);
				for (int poll = 0; poll < 100; poll++) {
					assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				}
				assertThat(server.connectionCount()).isOne();
			});
		}
	}

	@Test
	void healthAfterSendShouldReportTheLastSend() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
				Health health = context.getBean("mailHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getDetails().get("lastSend")).asInstanceOf(MAP)
					.containsEntry("outcome", "success")
					.containsEntry("protocol", "TLSv1.3");
			});
		}
	}

	@Test
	void healthWithCustomExpiryWarningShouldReportCertificateAsExpiring() {
		ServerIdentity identity = MailTlsFixtures.localhostExpiringIn(Duration.ofDays(20));
		try (SmtpTestServer server = SmtpTestServer.builder().startTls(identity.serverSslContext()).start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> assertThat(
						context.getBean("mailHealthIndicator", HealthIndicator.class).health().getDetails())
					.containsEntry("certificateExpiring", false));
			this.contextRunner
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port(),
						"mail.tls.health.certificate-expiry-warning=30d"))
				.run((context) -> assertThat(
						context.getBean("mailHealthIndicator", HealthIndicator.class).health().getDetails())
					.containsEntry("certificateExpiring", true));
		}
	}

	@Test
	void healthWithMetricsShouldGaugeTheProbedCertificate() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			this.contextRunner.withConfiguration(AutoConfigurations.of(MailTlsMetricsAutoConfiguration.class))
				.withBean(SimpleMeterRegistry.class)
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> {
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					assertThat(registry.find("mail.tls.certificate.expiry").gauges()).isEmpty();
					context.getBean("mailHealthIndicator", HealthIndicator.class).health();
					assertThat(registry.get("mail.tls.certificate.expiry")
						.tag("server.address", "localhost")
						.gauge()
						.value()).isPositive();
				});
		}
	}

	// Imported the way an application imports auto-configurations, so that the class
	// conditions in the auto-configuration metadata are checked before the health
	// indicator condition, whose class is missing, would be read.
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailTlsAutoConfiguration.class, MailTlsHealthAutoConfiguration.class,
			MailHealthContributorAutoConfiguration.class, SslAutoConfiguration.class })
	static class ImportedAsByAnApplication {

	}

}
