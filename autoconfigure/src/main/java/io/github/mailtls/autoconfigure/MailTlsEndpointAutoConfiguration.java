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

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.mailtls.endpoint.MailTlsEndpoint;
import io.github.mailtls.endpoint.RecentTlsSends;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Auto-configuration for the {@code mailtls} Actuator endpoint and the buffer of recent
 * send records behind it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MailTlsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(TlsEnforcingMailSender.class)
@ConditionalOnAvailableEndpoint(MailTlsEndpoint.class)
@EnableConfigurationProperties(MailTlsEndpointProperties.class)
public final class MailTlsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RecentTlsSends mailTlsRecentSends(MailTlsEndpointProperties properties) {
		return new RecentTlsSends(MailTlsPropertiesValidator.recentSends(properties.getRecentSends()));
	}

	@Bean
	@ConditionalOnMissingBean
	MailTlsEndpoint mailTlsEndpoint(TlsEnforcingMailSender sender, RecentTlsSends recentSends) {
		return new MailTlsEndpoint(sender, recentSends);
	}

}
