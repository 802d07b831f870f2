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

import jakarta.mail.AuthenticationFailedException;

import org.springframework.mail.MailAuthenticationException;

import io.github.mailtls.oauth2.AccessTokenException;

/**
 * A connection that could not authenticate with an OAuth2 access token, for a reason that
 * is not the network: no token could be had, the server rejected a fresh one, or it does
 * not offer {@code XOAUTH2}. Its message explains which, without the token.
 */
final class TokenAuthenticationFailedException extends AuthenticationFailedException {

	TokenAuthenticationFailedException(String message, Exception cause) {
		super(message, cause);
	}

	/**
	 * Return what the sender throws: the {@link AccessTokenException} if no token could
	 * be had, otherwise a {@link MailAuthenticationException} with this message (Spring's
	 * own would only say "Authentication failed").
	 * @return the exception
	 */
	MailAuthenticationException toMailException() {
		return (getCause() instanceof AccessTokenException tokenFailure) ? tokenFailure
				: new MailAuthenticationException(String.valueOf(getMessage()), this);
	}

}
