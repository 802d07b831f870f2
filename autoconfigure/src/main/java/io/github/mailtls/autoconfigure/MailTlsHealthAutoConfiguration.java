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

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.mailtls.health.LatestTlsSend;
import io.github.mailtls.health.MailTlsHealthIndicator;
import io.github.mailtls.oauth2.AuthenticationProblems;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.sender.TlsProbeListener;

/**
 * Auto-configuration that replaces Spring Boot's {@code mail} health indicator with a
 * {@link MailTlsHealthIndicator} under the same name.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MailTlsAutoConfiguration.class, before = MailHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(TlsEnforcingMailSender.class)
@ConditionalOnEnabledHealthIndicator("mail")
@EnableConfigurationProperties(MailTlsHealthProperties.class)
public final class MailTlsHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LatestTlsSend mailTlsLatestSend() {
		return new LatestTlsSend();
	}

	// Named like Boot's indicator: it becomes the 'mail' component, Boot's backs off
	// and existing health groups that include 'mail' keep working.
	@Bean
	@ConditionalOnMissingBean(name = { "mailHealthIndicator", "mailHealthContributor" })
	MailTlsHealthIndicator mailHealthIndicator(TlsEnforcingMailSender sender, LatestTlsSend latestSend,
			MailTlsHealthProperties properties, ObjectProvider<TlsProbeListener> probeListeners,
			ObjectProvider<AuthenticationProblems> authenticationProblems) {
		MailTlsHealthIndicator indicator = new MailTlsHealthIndicator(sender, latestSend,
				MailTlsPropertiesValidator.healthDuration("mail.tls.health.cache-ttl", properties.getCacheTtl()),
				MailTlsPropertiesValidator.healthDuration("mail.tls.health.certificate-expiry-warning",
						properties.getCertificateExpiryWarning()),
				probeListeners.orderedStream().toList(), Clock.systemUTC());
		indicator.setAuthenticationProblems(authenticationProblems.getIfUnique());
		return indicator;
	}

}
