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

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.observation.MailTlsSendContext;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailTlsObservationAutoConfiguration}.
 */
class MailTlsObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MailTlsAutoConfiguration.class,
				MailTlsObservationAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void runWithObservationRegistryShouldObserveSendsWithTheDefaultConvention() {
		try (SmtpTestServer server = startTlsServer()) {
			this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> {
					assertThat(context).hasBean("mailTlsObservationSenderCustomizer");
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
					TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
						.hasNumberOfObservationsWithNameEqualTo("mail.send", 1)
						.hasObservationWithNameEqualTo("mail.send")
						.that()
						.hasLowCardinalityKeyValue("outcome", "success")
						.hasLowCardinalityKeyValue("tls.mode", "starttls");
				});
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void runWithConventionBeanShouldUseItInsteadOfTheDefault() {
		try (SmtpTestServer server = startTlsServer()) {
			this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
				.withBean(MailTlsSendObservationConvention.class, () -> new NamedConvention("app.mail.send"))
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> {
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
					TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
						.hasObservationWithNameEqualTo("app.mail.send")
						.that()
						.hasLowCardinalityKeyValue("app.outcome", "success")
						.doesNotHaveLowCardinalityKeyValueWithKey("tls.mode");
					TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
						.hasNumberOfObservationsWithNameEqualTo("mail.send", 0);
				});
		}
	}

	@Test
	void runWithSenderCustomizerShouldLetItOverrideTheObservationSettings() {
		try (SmtpTestServer server = startTlsServer()) {
			this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
				.withBean(MailTlsSenderCustomizer.class,
						() -> (sender) -> sender.setObservationConvention(new NamedConvention("customized.mail.send")))
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> {
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
					TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
						.hasObservationWithNameEqualTo("customized.mail.send");
				});
		}
	}

	@Test
	void runWithoutObservationRegistryBeanShouldBackOffAndKeepTheSender() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MailTlsAutoConfiguration.class, MailTlsObservationAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
				assertThat(context).doesNotHaveBean(MailTlsObservationAutoConfiguration.class)
					.doesNotHaveBean(MailTlsSenderCustomizer.class);
			});
	}

	@Test
	void runWithoutSenderShouldBackOff() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ObservationRegistry.class);
			assertThat(context).doesNotHaveBean(TlsEnforcingMailSender.class)
				.doesNotHaveBean(MailTlsObservationAutoConfiguration.class);
		});
	}

	@Test
	void runWithoutMicrometerObservationOnClassPathShouldBackOffAndStillSendOverTls() {
		try (SmtpTestServer server = startTlsServer()) {
			this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.hasSingleBean(TlsEnforcingMailSender.class)
						.doesNotHaveBean(MailTlsObservationAutoConfiguration.class)
						.doesNotHaveBean(ObservationRegistry.class);
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
				});
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.overTls()).isTrue());
		}
	}

	private static SmtpTestServer startTlsServer() {
		return SmtpTestServer.builder().startTls(MailTlsFixtures.LOCALHOST.serverSslContext()).start();
	}

	static class NamedConvention implements MailTlsSendObservationConvention {

		private final String name;

		NamedConvention(String name) {
			this.name = name;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(MailTlsSendContext context) {
			return KeyValues.of("app.outcome", (context.getOutcome() != null) ? context.getOutcome().value() : "none");
		}

	}

}
