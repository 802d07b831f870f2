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

import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSender;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Makes sure no mail sender goes unenforced silently: a JNDI mail session, whose
 * transports mail-tls cannot make enforce the policy, fails startup with an explanation,
 * and a user-defined sender, which wins over mail-tls, is named in a warning at startup.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = MailSenderAutoConfiguration.class, after = MailTlsAutoConfiguration.class)
@ConditionalOnClass({ MimeMessage.class, MailSender.class })
public final class MailTlsSenderGuardAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MailTlsSenderGuardAutoConfiguration.class);

	@Bean
	@ConditionalOnProperty(prefix = "spring.mail", name = "jndi-name")
	@ConditionalOnMissingBean(MailSender.class)
	static SmartInitializingSingleton mailTlsJndiSessionGuard() {
		throw new MailTlsConfigurationException("spring.mail.jndi-name",
				"a JNDI mail session is configured; its transports do not enforce the TLS policy, so Spring Boot's "
						+ "sender would send without it",
				"Configure the connection with spring.mail.host, spring.mail.port, spring.mail.username and "
						+ "spring.mail.password instead of spring.mail.jndi-name, and the policy with mail.tls.*.");
	}

	@Bean
	@ConditionalOnProperty(prefix = "spring.mail", name = "jndi-name")
	@ConditionalOnBean(TlsEnforcingMailSender.class)
	static SmartInitializingSingleton mailTlsJndiNameIgnoredWarning() {
		return () -> logger.warn("spring.mail.jndi-name is ignored: mail-tls builds its own session from "
				+ "spring.mail.host and enforces the TLS policy on it. Remove spring.mail.jndi-name.");
	}

	@Bean
	@ConditionalOnBean(MailSender.class)
	static SmartInitializingSingleton mailTlsUnenforcedSenderWarning(ListableBeanFactory beanFactory) {
		return () -> {
			Map<String, MailSender> senders = beanFactory.getBeansOfType(MailSender.class, false, false);
			senders.forEach((name, sender) -> {
				if (!(sender instanceof TlsEnforcingMailSender)) {
					logger.warn(("Mail sender bean '%s' (%s) is user-defined: mail-tls does not enforce the TLS "
							+ "policy for it, and reports no TLS health, metrics or records for its sends. Remove the "
							+ "bean to use the auto-configured TlsEnforcingMailSender, or adjust that sender instead "
							+ "of replacing it.")
						.formatted(name, sender.getClass().getName()));
				}
			});
		};
	}

}
