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
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.metrics.MailTlsMetrics;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.DOUBLE;

/**
 * Tests for {@link MailTlsMetricsAutoConfiguration}, with Boot's observation and metrics
 * auto-configurations turning real sends into meters.
 */
class MailTlsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				MailTlsAutoConfiguration.class, MailTlsObservationAutoConfiguration.class,
				MailTlsMetricsAutoConfiguration.class, SslAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	private final ApplicationContextRunner prometheusContextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				MailTlsAutoConfiguration.class, MailTlsObservationAutoConfiguration.class,
				MailTlsMetricsAutoConfiguration.class, SslAutoConfiguration.class))
		.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

	@Test
	void sendWhenTlsIsNegotiatedShouldTimeSendAndGaugeCertificateExpiry() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("mail.send")
					.tag("tls.mode", "starttls")
					.tag("tls.protocol", "TLSv1.3")
					.tag("outcome", "success")
					.tag("server.address", "localhost")
					.tag("error", "none")
					.timer()
					.count()).isOne();
				Instant notAfter = MailTlsFixtures.LOCALHOST.certificate().getNotAfter().toInstant();
				assertThat(registry.get("mail.tls.certificate.expiry").tag("server.address", "localhost").gauge())
					.extracting(Gauge::value)
					.asInstanceOf(DOUBLE)
					.isCloseTo(Duration.between(Instant.now(), notAfter).toSeconds(), within(60.0));
				assertThat(registry.find("mail.tls.policy.violations").counters()).isEmpty();
			});
		}
	}

	@Test
	void sendWhenPolicyRefusesShouldTimeRefusalWithErrorAndCountViolation() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				assertThatExceptionOfType(MailSendException.class)
					.isThrownBy(() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("mail.send")
					.tag("tls.mode", "starttls")
					.tag("tls.protocol", "none")
					.tag("outcome", "refused")
					.tag("error", "MailSendException")
					.timer()
					.count()).isOne();
				assertThat(registry.get("mail.tls.policy.violations")
					.tag("reason", "starttls_not_offered")
					.counter()
					.count()).isOne();
				assertThat(registry.find("mail.tls.certificate.expiry").gauges()).isEmpty();
			});
		}
	}

	@Test
	void sendWhenAuthenticationFailsShouldTimeFailureWithoutViolation() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("mailer", "right-password")
			.start()) {
			this.contextRunner
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port(), "spring.mail.username=mailer",
						"spring.mail.password=wrong-password"))
				.run((context) -> {
					assertThatExceptionOfType(MailAuthenticationException.class)
						.isThrownBy(() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					assertThat(registry.get("mail.send")
						.tag("tls.protocol", "TLSv1.3")
						.tag("outcome", "failure")
						.tag("error", "MailAuthenticationException")
						.timer()
						.count()).isOne();
					assertThat(registry.find("mail.tls.policy.violations").counters()).isEmpty();
				});
		}
	}

	@Test
	void scrapeAfterSuccessfulSendShouldShowPrometheusNames() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			this.prometheusContextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> {
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
					assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
						.contains("mail_send_seconds_count{error=\"none\",outcome=\"success\","
								+ "server_address=\"localhost\",tls_mode=\"starttls\",tls_protocol=\"TLSv1.3\"} 1")
						.containsPattern(
								"mail_tls_certificate_expiry_seconds\\{server_address=\"localhost\"} 3\\.\\d+E7")
						.doesNotContain(MailTlsFixtures.SUBJECT)
						.doesNotContain("@example.org");
				});
		}
	}

	@Test
	void scrapeAfterRefusedSendShouldShowPrometheusNames() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.prometheusContextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> {
					assertThatExceptionOfType(MailSendException.class)
						.isThrownBy(() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
					assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
						.contains("mail_send_seconds_count{error=\"MailSendException\",outcome=\"refused\","
								+ "server_address=\"localhost\",tls_mode=\"starttls\",tls_protocol=\"none\"} 1")
						.contains("mail_tls_policy_violations_total{reason=\"starttls_not_offered\"} 1.0")
						.doesNotContain(MailTlsFixtures.SUBJECT)
						.doesNotContain("@example.org");
				});
		}
	}

	@Test
	void runWithoutMeterRegistryShouldBackOff() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MailTlsAutoConfiguration.class, MailTlsMetricsAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
				assertThat(context).doesNotHaveBean(MailTlsMetrics.class);
			});
	}

	@Test
	void runWithoutMicrometerOnClasspathShouldBackOffAndKeepTheSender() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
				assertThat(context).doesNotHaveBean(MailTlsMetrics.class);
			});
	}

	@Test
	void runWithoutSenderShouldBackOff() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MeterRegistry.class);
			assertThat(context).doesNotHaveBean(MailTlsMetrics.class);
		});
	}

	@Test
	void runWithMeterRegistryAndSenderShouldProvideMetrics() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> assertThat(context).hasSingleBean(MailTlsMetrics.class));
	}

}
