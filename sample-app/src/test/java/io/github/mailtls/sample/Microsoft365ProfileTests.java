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

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.mailtls.oauth2.MailTlsAccessTokenProvider;
import io.github.mailtls.oauth2.OAuth2ClientAccessTokenProvider;
import io.github.mailtls.sender.TlsEnforcingMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code m365} profile, which sends through Microsoft 365 with OAuth2
 * client credentials. Nothing here reaches Microsoft: the token is only asked for when a
 * message is sent.
 */
class Microsoft365ProfileTests {

	@Test
	void profileAuthenticatesWithAccessTokensFromTheClientRegistration() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("m365")
			// Stand-ins for the environment variables, and no probe: nothing connects.
			.run("--M365_TENANT_ID=tenant", "--M365_CLIENT_ID=client", "--M365_CLIENT_SECRET=secret",
					"--SMTP_USERNAME=noreply@example.com", "--mail.tls.verify-on-startup=false", "--server.port=0")) {
			TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
			assertThat(sender.getHost()).isEqualTo("smtp.office365.com");
			assertThat(sender.getPort()).isEqualTo(587);
			assertThat(sender.getUsername()).isEqualTo("noreply@example.com");
			assertThat(sender.getPassword()).isNull();
			assertThat(sender.getPolicy().mode().value()).isEqualTo("starttls");
			assertThat(sender.getSession().getProperty("mail.smtp.auth.mechanisms")).isEqualTo("XOAUTH2");
			assertThat(context.getBean(MailTlsAccessTokenProvider.class))
				.isInstanceOf(OAuth2ClientAccessTokenProvider.class);
			assertThat(context.containsBean("developmentSmtpInbox")).isFalse();
			// The web application stays open: no Spring Security filter chain came along.
			assertThat(context.containsBean("springSecurityFilterChain")).isFalse();
		}
	}

}
