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
package io.github.mailtls.smtp;

import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import org.jspecify.annotations.Nullable;

/**
 * What a session enforces when it authenticates with OAuth2 access tokens: {@code AUTH
 * XOAUTH2} only (never PLAIN or LOGIN, which would send the token as a password), only
 * over TLS in every mode, and no {@code AUTH} line in Angus' debug output.
 *
 * @since 0.1.0
 */
public final class TokenAuthenticationPolicy {

	/**
	 * The session property that marks a session whose transports authenticate with
	 * tokens.
	 */
	public static final String PROPERTY = "mail.tls.token-authentication";

	static final String MECHANISM = "XOAUTH2";

	private TokenAuthenticationPolicy() {
	}

	/**
	 * Return the session properties to put over the enforced ones.
	 * @return the properties
	 */
	public static Properties sessionProperties() {
		Properties properties = new Properties();
		properties.put(PROPERTY, "true");
		properties.put("mail.smtp.auth", "true");
		properties.put("mail.smtp.auth.mechanisms", MECHANISM);
		properties.put("mail.smtp.sasl.enable", "false");
		// The AUTH line carries the token; the user name is personal data.
		properties.put("mail.debug.auth", "false");
		properties.put("mail.debug.auth.password", "false");
		properties.put("mail.debug.auth.username", "false");
		return properties;
	}

	static boolean appliesTo(Session session) {
		return "true".equals(session.getProperty(PROPERTY));
	}

	static AuthenticationFailedException notOffered(@Nullable String offered) {
		return new AuthenticationFailedException(("The mail server does not offer AUTH XOAUTH2 after TLS (it offers "
				+ "%s), and an OAuth2 access token is never sent with another mechanism. Use the provider's OAuth2 "
				+ "endpoint (smtp.office365.com or smtp.gmail.com), or remove the token provider and "
				+ "mail.tls.oauth2.client-registration-id to log in with a password.")
			.formatted((offered != null && !offered.isBlank()) ? "AUTH " + offered.trim() : "no AUTH at all"));
	}

}
