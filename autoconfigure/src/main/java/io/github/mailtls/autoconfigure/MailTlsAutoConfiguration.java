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

import jakarta.activation.MimeType;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSender;

import io.github.mailtls.oauth2.AuthenticationProblems;
import io.github.mailtls.oauth2.MailTlsAccessTokenProvider;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Auto-configuration that replaces Spring Boot's {@code JavaMailSender} with a
 * {@link TlsEnforcingMailSender} whenever {@code spring.mail.host} is set. A user-defined
 * {@link MailSender} wins.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = MailSenderAutoConfiguration.class)
@ConditionalOnClass({ MimeMessage.class, MimeType.class, MailSender.class, SMTPTransport.class })
@ConditionalOnMissingBean(MailSender.class)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableConfigurationProperties({ MailProperties.class, MailTlsProperties.class })
public final class MailTlsAutoConfiguration {

	@Bean
	TlsEnforcingMailSender mailSender(MailProperties mailProperties, MailTlsProperties tlsProperties,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<TlsSendListener> listeners,
			ObjectProvider<MailTlsSenderCustomizer> customizers,
			ObjectProvider<MailTlsAccessTokenProvider> accessTokenProvider,
			AuthenticationProblems authenticationProblems) {
		// Listeners are resolved at the first send: a listener bean that cannot be
		// created
		// fails under its own name, not as 'mailSender', and a listener may use the
		// sender.
		TlsEnforcingMailSender sender = new MailSenderFactory(mailProperties, tlsProperties,
				sslBundles.getIfAvailable())
			.create(() -> listeners.orderedStream().toList());
		new AccessTokenConfiguration(tlsProperties, sender.getPolicy().mode(), mailProperties.getUsername(),
				mailProperties.getProperties())
			.apply(sender, accessTokenProvider.getIfUnique(), authenticationProblems);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(sender));
		return sender;
	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationProblems mailTlsAuthenticationProblems() {
		return new AuthenticationProblems(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnBooleanProperty("mail.tls.verify-on-startup")
	MailTlsStartupVerifier mailTlsStartupVerifier(TlsEnforcingMailSender mailSender) {
		return new MailTlsStartupVerifier(mailSender);
	}

}
