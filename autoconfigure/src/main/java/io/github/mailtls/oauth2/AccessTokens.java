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
package io.github.mailtls.oauth2;

import org.jspecify.annotations.Nullable;

/**
 * The sender's side of token authentication: asks the {@link MailTlsAccessTokenProvider}
 * for a token, turns every failure into an {@link AccessTokenException} whose message
 * carries no secret, and records each failure in {@link AuthenticationProblems}.
 *
 * @since 0.1.0
 */
public final class AccessTokens {

	/** The reason recorded when the mail server rejected a freshly obtained token. */
	public static final String TOKEN_REJECTED = "token_rejected";

	private final MailTlsAccessTokenProvider provider;

	private final AuthenticationProblems problems;

	/**
	 * Create a new instance.
	 * @param provider the provider of tokens
	 * @param problems where failures are recorded
	 */
	public AccessTokens(MailTlsAccessTokenProvider provider, AuthenticationProblems problems) {
		this.provider = provider;
		this.problems = problems;
	}

	/**
	 * Obtain a token.
	 * @param username the SMTP user name
	 * @param forceRefresh whether the server rejected the previous token
	 * @return the token
	 * @throws AccessTokenException if the provider could not supply one
	 */
	public String obtain(String username, boolean forceRefresh) {
		String token;
		try {
			token = this.provider.getAccessToken(username, forceRefresh);
		}
		catch (AccessTokenException ex) {
			this.problems.record(ex.getReason(), String.valueOf(ex.getMessage()));
			throw ex;
		}
		catch (RuntimeException ex) {
			// A user provider's message may hold anything: keep it in the cause only.
			throw failure("provider_error", "The access token provider %s failed with %s; see the cause"
				.formatted(this.provider.getClass().getName(), ex.getClass().getName()), ex);
		}
		if (token == null || token.isBlank()) {
			throw failure("empty_token",
					"The access token provider %s returned no token".formatted(this.provider.getClass().getName()),
					null);
		}
		return token;
	}

	/**
	 * Record that the server rejected a token obtained with {@code forceRefresh} and
	 * return the exception to throw.
	 * @param message the explanation, free of secrets
	 * @return the exception
	 */
	public AccessTokenException rejected(String message) {
		return failure(TOKEN_REJECTED, message, null);
	}

	private AccessTokenException failure(String reason, String message, @Nullable Exception cause) {
		this.problems.record(reason, message);
		return (cause != null) ? new AccessTokenException(reason, message, cause)
				: new AccessTokenException(reason, message);
	}

}
