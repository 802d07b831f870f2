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
package io.github.mailtls.sample;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.mailtls.sender.TlsEnforcingMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code implicit} and {@code starttls} profiles, which send through a real
 * provider configured by environment variables.
 */
class ProviderProfilesTests {

	@ParameterizedTest
	@CsvSource({ "implicit, 465, implicit", "starttls, 587, starttls" })
	void profileSendsToTheProviderInsteadOfTheDevelopmentServer(String profile, int port, String mode) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles(profile)
			// Stand-ins for the environment variables, and no probe: nothing connects.
			.run("--SMTP_HOST=localhost", "--SMTP_USERNAME=me@example.com", "--SMTP_PASSWORD=secret",
					"--mail.tls.verify-on-startup=false", "--server.port=0")) {
			TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
			assertThat(sender.getHost()).isEqualTo("localhost");
			assertThat(sender.getPort()).isEqualTo(port);
			assertThat(sender.getUsername()).isEqualTo("me@example.com");
			assertThat(sender.getPolicy().mode().value()).isEqualTo(mode);
			assertThat(context.containsBean("developmentSmtpInbox")).isFalse();
			assertThat(context.getEnvironment().getProperty("sample.mail.from")).isEqualTo("me@example.com");
			assertThat(context.getEnvironment().getProperty("mail.tls.ssl-bundle")).isNull();
		}
	}

}
