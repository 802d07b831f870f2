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
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.oauth2.AccessTokens;
import io.github.mailtls.oauth2.AuthenticationProblems;
import io.github.mailtls.oauth2.MailTlsAccessTokenProvider;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Checks the OAuth2 settings against the policy and hands a token provider to the sender:
 * tokens need TLS, a mailbox as user name and, when a registration id is given, a
 * provider built from it.
 */
final class AccessTokenConfiguration {

	private static final Log logger = LogFactory.getLog(AccessTokenConfiguration.class);

	private final MailTlsProperties properties;

	private final TlsMode mode;

	// Keys that token authentication sets itself, whatever spring.mail.properties say.
	private static final List<String> OWNED_KEYS = List.of("mail.smtp.auth", "mail.smtp.auth.mechanisms",
			"mail.smtp.sasl.enable", "mail.debug.auth", "mail.debug.auth.password", "mail.debug.auth.username");

	private final @Nullable String username;

	private final Map<String, String> rawProperties;

	AccessTokenConfiguration(MailTlsProperties properties, TlsMode mode, @Nullable String username,
			Map<String, String> rawProperties) {
		this.properties = properties;
		this.mode = mode;
		this.username = username;
		this.rawProperties = rawProperties;
	}

	void apply(TlsEnforcingMailSender sender, @Nullable MailTlsAccessTokenProvider provider,
			AuthenticationProblems problems) {
		MailTlsPropertiesValidator.validateAccessTokens(this.properties, this.mode, this.username, provider != null);
		if (provider == null) {
			return;
		}
		if (this.properties.isAllowPlaintextAuth()) {
			logger.warn("mail.tls.allow-plaintext-auth does not apply to OAuth2 access tokens: "
					+ "they are only ever sent over TLS");
		}
		OWNED_KEYS.stream()
			.filter(this.rawProperties::containsKey)
			.forEach((key) -> logger.warn(("Ignoring spring.mail.properties.%s: with OAuth2 access tokens mail-tls "
					+ "authenticates with XOAUTH2 only and keeps AUTH out of debug output")
				.formatted(key)));
		sender.setAccessTokens(new AccessTokens(provider, problems));
	}

}
