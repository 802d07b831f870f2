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

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import io.github.mailtls.observation.DefaultMailTlsSendObservationConvention;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Auto-configuration that observes every send of the auto-configured
 * {@link TlsEnforcingMailSender} as {@code mail.send} in the application's
 * {@link ObservationRegistry}, with the {@link MailTlsSendObservationConvention} bean or
 * the {@link DefaultMailTlsSendObservationConvention default convention}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MailTlsAutoConfiguration.class, ObservationAutoConfiguration.class })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ TlsEnforcingMailSender.class, ObservationRegistry.class })
public final class MailTlsObservationAutoConfiguration {

	// First, so that the application's own customizers see, and may change, the
	// observation settings.
	@Bean
	@Order(0)
	MailTlsSenderCustomizer mailTlsObservationSenderCustomizer(ObservationRegistry observationRegistry,
			ObjectProvider<MailTlsSendObservationConvention> observationConvention) {
		return (sender) -> {
			sender.setObservationRegistry(observationRegistry);
			sender.setObservationConvention(
					observationConvention.getIfAvailable(DefaultMailTlsSendObservationConvention::new));
		};
	}

}
