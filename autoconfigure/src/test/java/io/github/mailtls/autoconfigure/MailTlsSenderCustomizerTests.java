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
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailSender;

import io.github.mailtls.endpoint.MailTlsEndpoint;
import io.github.mailtls.health.MailTlsHealthIndicator;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.sender.TlsEnforcingMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailTlsSenderCustomizer}.
 */
class MailTlsSenderCustomizerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, MailSenderAutoConfiguration.class,
				MailTlsHealthAutoConfiguration.class, MailHealthContributorAutoConfiguration.class,
				MailTlsEndpointAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=587",
				"management.endpoints.web.exposure.include=mailtls");

	@Test
	void runWithCustomizersShouldApplyThemInOrderAndKeepEverythingElse() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
			assertThat(context.getBean(CustomizerConfiguration.class).calls).containsExactly("first", "second");
			assertThat(sender.getDefaultEncoding()).isEqualTo("ISO-8859-1");
			assertThat(sender.getUsername()).isEqualTo("customized");
			assertThat(context).hasSingleBean(MailSender.class);
			assertThat(context.getBean(MailSender.class)).isSameAs(sender);
			assertThat(sender.getPolicy().mode()).isEqualTo(TlsMode.STARTTLS);
			assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.required", "true");
			assertThat(context.getBeansOfType(HealthContributor.class)).containsOnlyKeys("mailHealthIndicator");
			assertThat(context).getBean("mailHealthIndicator").isInstanceOf(MailTlsHealthIndicator.class);
			assertThat(context).hasSingleBean(MailTlsEndpoint.class);
		});
	}

	@Test
	void runWithCustomizerThatWeakensThePolicyShouldFail() {
		this.contextRunner.withBean(MailTlsSenderCustomizer.class, () -> (sender) -> {
			Properties weakening = new Properties();
			weakening.setProperty("mail.smtp.ssl.trust", "*");
			sender.setJavaMailProperties(weakening);
		}).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MailTlsConfigurationException.class)
				.hasMessageContaining("mail.smtp.ssl.trust");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		MailTlsSenderCustomizer second() {
			return (sender) -> {
				this.calls.add("second");
				sender.setDefaultEncoding("ISO-8859-1");
			};
		}

		@Bean
		@Order(1)
		MailTlsSenderCustomizer first() {
			return (sender) -> {
				this.calls.add("first");
				sender.setDefaultEncoding("UTF-8");
				sender.setUsername("customized");
			};
		}

	}

}
