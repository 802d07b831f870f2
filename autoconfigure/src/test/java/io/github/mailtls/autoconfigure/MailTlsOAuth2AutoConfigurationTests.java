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
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.oauth2.MailTlsAccessTokenProvider;
import io.github.mailtls.oauth2.OAuth2ClientAccessTokenProvider;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailTlsOAuth2AutoConfiguration} and the OAuth2 checks of the sender's
 * auto-configuration.
 */
class MailTlsOAuth2AutoConfigurationTests {

	private static final String TOKEN = "user-provided-token-value";

	private static final String[] M365 = { "mail.tls.oauth2.client-registration-id=m365",
			"spring.mail.username=noreply@example.com",
			"spring.security.oauth2.client.registration.m365.provider=azure",
			"spring.security.oauth2.client.registration.m365.client-id=app-id",
			"spring.security.oauth2.client.registration.m365.client-secret=app-secret",
			"spring.security.oauth2.client.registration.m365.authorization-grant-type=client_credentials",
			"spring.security.oauth2.client.registration.m365.scope=https://outlook.office365.com/.default",
			"spring.security.oauth2.client.provider.azure.token-uri=https://login.microsoftonline.com/tenant/oauth2/v2.0/token" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class,
				MailTlsOAuth2AutoConfiguration.class, MailTlsAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void microsoft365ClientCredentialsFromPropertiesOnlyShouldConfigureTheProvider() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.office365.com", "spring.mail.port=587")
			.withPropertyValues(M365)
			.run((context) -> {
				assertThat(context).hasSingleBean(OAuth2ClientAccessTokenProvider.class);
				assertThat(context).hasSingleBean(TlsEnforcingMailSender.class);
				assertThat(context.getBean(TlsEnforcingMailSender.class)
					.getSession()
					.getProperty("mail.smtp.auth.mechanisms")).isEqualTo("XOAUTH2");
			});
	}

	@Test
	void withoutRegistrationIdShouldNotConfigureAProvider() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(MailTlsAccessTokenProvider.class)
				.hasSingleBean(TlsEnforcingMailSender.class));
	}

	@Test
	void withoutSpringSecurityOAuth2ClientEverythingElseShouldWork() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("user", "password")
			.start()) {
			this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client"))
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port(), "spring.mail.username=user",
						"spring.mail.password=password"))
				.run((context) -> {
					assertThat(context).doesNotHaveBean(MailTlsAccessTokenProvider.class);
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
				});
			assertThat(server.messages()).hasSize(1);
			assertThat(server.commands()).anyMatch((line) -> line.startsWith("AUTH LOGIN"));
		}
	}

	@Test
	void withoutSpringSecurityOAuth2ClientAUserProviderShouldStillAuthenticateWithXOAuth2() {
		List<Boolean> requests = new CopyOnWriteArrayList<>();
		MailTlsAccessTokenProvider provider = (username, forceRefresh) -> {
			requests.add(forceRefresh);
			return TOKEN;
		};
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.xoauth2((user, token) -> "noreply@example.com".equals(user) && TOKEN.equals(token))
			.start()) {
			this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client"))
				.withBean(MailTlsAccessTokenProvider.class, () -> provider)
				.withPropertyValues(
						MailTlsFixtures.senderProperties(server.port(), "spring.mail.username=noreply@example.com"))
				.run((context) -> {
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					sender.send(MailTlsFixtures.message());
					sender.send(MailTlsFixtures.message());
				});
			assertThat(server.messages()).hasSize(2);
			// Two messages over one pooled connection: one token.
			assertThat(requests).containsExactly(false);
			assertThat(server.presentedBearerTokens()).containsExactly(TOKEN);
		}
	}

	@Test
	void userProviderShouldWinOverTheRegistration() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.office365.com")
			.withPropertyValues(M365)
			.withBean(MailTlsAccessTokenProvider.class, () -> (username, forceRefresh) -> TOKEN)
			.run((context) -> assertThat(context).hasSingleBean(MailTlsAccessTokenProvider.class)
				.doesNotHaveBean(OAuth2ClientAccessTokenProvider.class));
	}

	@Test
	void registrationIdWithoutSpringSecurityOAuth2ClientShouldFailStartup() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client"))
			.withPropertyValues("spring.mail.host=smtp.office365.com")
			.withPropertyValues(M365)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context, "mail.tls.oauth2.client-registration-id");
				assertThat(analysis.getAction()).contains("spring-boot-starter-security-oauth2-client");
			});
	}

	@Test
	void unknownRegistrationIdShouldFailStartupNamingIt() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.office365.com")
			.withPropertyValues(M365)
			.withPropertyValues("mail.tls.oauth2.client-registration-id=typo")
			.run((context) -> assertThat(analyze(context, "mail.tls.oauth2.client-registration-id").getDescription())
				.contains("no client registration 'typo'"));
	}

	@Test
	void registrationThatNeedsABrowserShouldFailStartup() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.office365.com")
			.withPropertyValues(M365)
			.withPropertyValues(
					"spring.security.oauth2.client.registration.m365.authorization-grant-type=authorization_code",
					"spring.security.oauth2.client.registration.m365.redirect-uri=http://localhost/callback",
					"spring.security.oauth2.client.provider.azure.authorization-uri=https://login.microsoftonline.com/authorize")
			.run((context) -> analyze(context,
					"spring.security.oauth2.client.registration.m365.authorization-grant-type"));
	}

	@Test
	void modeNoneWithATokenProviderShouldFailStartup() {
		// allow-plaintext-auth lets a password through, never a token.
		this.contextRunner
			.withPropertyValues("spring.mail.host=localhost", "mail.tls.mode=none",
					"mail.tls.allow-plaintext-auth=true")
			.withPropertyValues(M365)
			.run((context) -> assertThat(analyze(context, "mail.tls.mode").getDescription())
				.contains("never sent without TLS"));
	}

	@Test
	void missingUsernameWithATokenProviderShouldFailStartup() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.office365.com")
			.withPropertyValues(M365)
			.withPropertyValues("spring.mail.username=")
			.run((context) -> analyze(context, "spring.mail.username"));
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context, String property) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new MailTlsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		assertThat(analysis.getCause()).isInstanceOfSatisfying(MailTlsConfigurationException.class,
				(exception) -> assertThat(exception.getProperty()).isEqualTo(property));
		return analysis;
	}

}
