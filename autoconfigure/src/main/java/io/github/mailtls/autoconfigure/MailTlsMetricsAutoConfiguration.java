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

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.mailtls.metrics.MailTlsMetrics;
import io.github.mailtls.metrics.TokenFailureMetrics;
import io.github.mailtls.oauth2.AuthenticationProblems;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Auto-configuration for the {@code mail.tls.policy.violations} counter and the
 * {@code mail.tls.certificate.expiry} gauge.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MailTlsAutoConfiguration.class, MetricsAutoConfiguration.class,
		CompositeMeterRegistryAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ TlsEnforcingMailSender.class, MeterRegistry.class })
public final class MailTlsMetricsAutoConfiguration {

	// The mail.send timer needs nothing here: Boot's metrics turn the sender's
	// observation into it.
	@Bean
	@ConditionalOnMissingBean
	MailTlsMetrics mailTlsMetrics(MeterRegistry meterRegistry) {
		return new MailTlsMetrics(meterRegistry, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AuthenticationProblems.class)
	TokenFailureMetrics mailTlsTokenFailureMetrics(MeterRegistry meterRegistry, AuthenticationProblems problems) {
		return new TokenFailureMetrics(meterRegistry, problems);
	}

}
