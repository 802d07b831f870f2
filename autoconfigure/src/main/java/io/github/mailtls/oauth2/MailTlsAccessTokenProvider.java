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

/**
 * Supplies OAuth2 access tokens for SMTP authentication. Defining a bean of this type (or
 * setting {@code mail.tls.oauth2.client-registration-id}) makes the sender authenticate
 * with {@code AUTH XOAUTH2} only, and only over TLS.
 * <p>
 * The sender asks once for every physical connection it opens (not for every message sent
 * over a pooled connection), and once more with {@code forceRefresh} when the server
 * rejected the token it was given. Implementations should cache tokens until shortly
 * before they expire.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MailTlsAccessTokenProvider {

	/**
	 * Return a currently valid access token for the given user name.
	 * @param username the SMTP user name ({@code spring.mail.username}), for Microsoft
	 * 365 and Google the mailbox address
	 * @param forceRefresh whether the previous token was rejected by the mail server, so
	 * that a cached token must not be returned again
	 * @return the access token
	 * @throws AccessTokenException if no token can be obtained; its message must not
	 * contain secrets
	 */
	String getAccessToken(String username, boolean forceRefresh);

}
