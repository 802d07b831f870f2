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
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.sender.TlsEnforcingMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No sender goes unenforced silently: JNDI sessions fail startup with an explanation,
 * user-defined senders are named in a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailTlsSenderGuardAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MailTlsAutoConfiguration.class, MailTlsSenderGuardAutoConfiguration.class,
					MailSenderAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void runWithJndiNameAndNoHostShouldFailWithAnExplanation() {
		this.contextRunner.withPropertyValues("spring.mail.jndi-name=java:comp/env/mail/Session").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().isInstanceOf(MailTlsConfigurationException.class);
			FailureAnalysis analysis = new MailTlsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("spring.mail.jndi-name")
				.contains("do not enforce the TLS policy");
			assertThat(analysis.getAction()).contains("spring.mail.host");
			assertThat(context.getStartupFailure()).hasStackTraceContaining("mailTlsJndiSessionGuard");
		});
	}

	@Test
	void runWithJndiNameAndHostShouldEnforceAndWarn(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.mail.jndi-name=java:comp/env/mail/Session", "spring.mail.host=smtp.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MailSender.class)).isInstanceOf(TlsEnforcingMailSender.class);
			});
		assertThat(output).contains("spring.mail.jndi-name is ignored");
	}

	@Test
	void runWithUserDefinedSenderShouldWarnThatTlsIsNotEnforced(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.withUserConfiguration(UserSenderConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JavaMailSender.class)).isNotInstanceOf(TlsEnforcingMailSender.class);
			});
		assertThat(output).contains("Mail sender bean 'userMailSender'")
			.contains("does not enforce the TLS policy")
			.contains("WARN");
	}

	@Test
	void runWithTheEnforcingSenderShouldNotWarn(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> assertThat(context).hasSingleBean(TlsEnforcingMailSender.class));
		assertThat(output).doesNotContain("does not enforce the TLS policy");
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSenderConfiguration {

		@Bean
		JavaMailSender userMailSender() {
			return new JavaMailSenderImpl();
		}

	}

}
