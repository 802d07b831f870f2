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
 * @author mail-tls
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
