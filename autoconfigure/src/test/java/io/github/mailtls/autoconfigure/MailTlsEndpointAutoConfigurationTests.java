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
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.github.mailtls.endpoint.MailTlsEndpoint;
import io.github.mailtls.endpoint.RecentTlsSends;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.sender.TlsEnforcingMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailTlsEndpointAutoConfiguration}.
 */
class MailTlsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MailTlsAutoConfiguration.class, MailTlsEndpointAutoConfiguration.class))
		.withPropertyValues("spring.mail.host=smtp.example.com");

	@Test
	void runWhenEndpointIsExposedShouldProvideEndpointWithDefaultCapacity() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mailtls").run((context) -> {
			assertThat(context).hasSingleBean(MailTlsEndpoint.class);
			assertThat(context.getBean(RecentTlsSends.class).getCapacity()).isEqualTo(20);
		});
	}

	@Test
	void runWithRecentSendsPropertyShouldSizeTheBuffer() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=mailtls", "mail.tls.endpoint.recent-sends=3")
			.run((context) -> assertThat(context.getBean(RecentTlsSends.class).getCapacity()).isEqualTo(3));
	}

	@Test
	void runWithNegativeRecentSendsShouldFailWithExplanation() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=mailtls",
					"mail.tls.endpoint.recent-sends=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MailTlsConfigurationException.class)
				.hasMessageContaining("mail.tls.endpoint.recent-sends"));
	}

	@Test
	void runWhenEndpointIsNotExposedShouldNotKeepRecords() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
			assertThat(context).doesNotHaveBean(MailTlsEndpoint.class);
			assertThat(context).doesNotHaveBean(RecentTlsSends.class);
		});
	}

	@Test
	void runWhenEndpointAccessIsNoneShouldBackOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=mailtls",
					"management.endpoint.mailtls.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MailTlsEndpoint.class));
	}

	@Test
	void runWithoutActuatorOnClasspathShouldBackOffAndKeepTheSender() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAsByAnApplication.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("spring.mail.host=smtp.example.com",
					"management.endpoints.web.exposure.include=mailtls")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
				assertThat(context).doesNotHaveBean(MailTlsEndpoint.class);
			});
	}

	@Test
	void runWithoutSenderShouldBackOff() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MailTlsAutoConfiguration.class, MailTlsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=mailtls")
			.run((context) -> assertThat(context).doesNotHaveBean(MailTlsEndpoint.class));
	}

	// Imported the way an application imports auto-configurations, so that the class
	// conditions in the auto-configuration metadata are checked before the endpoint
	// condition, whose class is missing, would be read.
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailTlsAutoConfiguration.class, MailTlsEndpointAutoConfiguration.class })
	static class ImportedAsByAnApplication {

	}

}
