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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.util.Assert;

import io.github.mailtls.oauth2.MailTlsAccessTokenProvider;
import io.github.mailtls.oauth2.OAuth2ClientAccessTokenProvider;

/**
 * Auto-configuration of a {@link MailTlsAccessTokenProvider} from the Spring Security
 * client registration named by {@code mail.tls.oauth2.client-registration-id}. Boot's
 * OAuth2 client auto-configuration builds the registration from
 * {@code spring.security.oauth2.client.*}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = MailTlsAutoConfiguration.class,
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnClass(AuthorizedClientServiceOAuth2AuthorizedClientManager.class)
@ConditionalOnProperty("mail.tls.oauth2.client-registration-id")
@EnableConfigurationProperties(MailTlsProperties.class)
public final class MailTlsOAuth2AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MailTlsAccessTokenProvider.class)
	OAuth2ClientAccessTokenProvider mailTlsAccessTokenProvider(MailTlsProperties properties,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		String id = String.valueOf(properties.getOauth2().getClientRegistrationId());
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		ClientRegistration registration = (repository != null) ? repository.findByRegistrationId(id) : null;
		MailTlsPropertiesValidator.validateClientRegistration(id, repository != null,
				(registration != null) ? registration.getAuthorizationGrantType().getValue() : null);
		Assert.state(repository != null, "validated above");
		MailTlsProperties.Timeouts timeouts = properties.getTimeouts();
		return new OAuth2ClientAccessTokenProvider(repository, id, timeouts.getConnect(), timeouts.getRead());
	}

}
