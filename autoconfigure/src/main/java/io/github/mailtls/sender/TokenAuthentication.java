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
package io.github.mailtls.sender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.oauth2.AccessTokenException;
import io.github.mailtls.oauth2.AccessTokens;
import io.github.mailtls.smtp.Causes;
import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * Opens a physical connection authenticated with an OAuth2 access token: asks for a token
 * once, and once more with a forced refresh if the server rejects it, then gives up with
 * an explanation, never looping. The token travels only as Angus' {@code XOAUTH2} initial
 * response, after TLS (see {@link io.github.mailtls.smtp.TokenAuthenticationPolicy}).
 */
final class TokenAuthentication {

	private final AccessTokens tokens;

	TokenAuthentication(AccessTokens tokens) {
		this.tokens = tokens;
	}

	EnforcingSmtpTransport connect(TransportFactory transports, String host, int port, @Nullable String username)
			throws ConnectFailure {
		EnforcingSmtpTransport first = transports.create();
		if (username == null || username.isEmpty()) {
			throw new ConnectFailure(first.facts(),
					new TokenAuthenticationFailedException(
							"OAuth2 authentication needs the mailbox as spring.mail.username; it is not set",
							new IllegalStateException("spring.mail.username is empty")));
		}
		if (attempt(first, host, port, username, false)) {
			return first;
		}
		// The cached token may have been revoked or have expired early: one fresh one.
		EnforcingSmtpTransport second = transports.create();
		if (attempt(second, host, port, username, true)) {
			return second;
		}
		AccessTokenException rejected = this.tokens.rejected(("%s:%d rejected a freshly obtained OAuth2 access token "
				+ "(%s). Check that the application may send as this mailbox: for Microsoft 365 an Exchange service "
				+ "principal with SMTP.SendAsApp and SMTP AUTH enabled for the mailbox; for Google the "
				+ "https://mail.google.com/ scope.")
			.formatted(host, port, describe(second.getLastServerResponse())));
		throw new ConnectFailure(second.facts(),
				new TokenAuthenticationFailedException(String.valueOf(rejected.getMessage()), rejected));
	}

	/**
	 * Connect once.
	 * @return {@code true} if connected, {@code false} if the server rejected the token
	 */
	private boolean attempt(EnforcingSmtpTransport transport, String host, int port, String username,
			boolean forceRefresh) throws ConnectFailure {
		String token;
		try {
			token = this.tokens.obtain(username, forceRefresh);
		}
		catch (AccessTokenException ex) {
			throw new ConnectFailure(transport.facts(),
					new TokenAuthenticationFailedException(String.valueOf(ex.getMessage()), ex));
		}
		try {
			transport.connect(host, port, username, token);
			return true;
		}
		catch (AuthenticationFailedException ex) {
			if (transport.credentialsRejected()) {
				return false;
			}
			throw new ConnectFailure(transport.facts(), Causes.hasCause(ex, IOException.class) ? ex
					: new TokenAuthenticationFailedException(String.valueOf(ex.getMessage()), ex));
		}
		catch (MessagingException ex) {
			throw new ConnectFailure(transport.facts(), ex);
		}
	}

	// A 334 reply carries the server's JSON error in base64 (RFC 7628): show it decoded.
	private static String describe(@Nullable String reply) {
		String text = String.valueOf(reply).trim();
		if (text.startsWith("334 ")) {
			try {
				return "334 "
						+ new String(Base64.getDecoder().decode(text.substring(4).trim()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return text;
			}
		}
		return text;
	}

	/**
	 * Creates an unconnected transport for one physical connection.
	 */
	@FunctionalInterface
	interface TransportFactory {

		EnforcingSmtpTransport create();

	}

}
