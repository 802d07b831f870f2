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
package io.github.mailtls.testsupport;

/**
 * Decides whether an {@code XOAUTH2} bearer token is acceptable for a user name, as a
 * mail server's identity provider would.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BearerTokenVerifier {

	/**
	 * Return whether the token is currently valid for the user.
	 * @param user the user name the client sent
	 * @param token the bearer token the client sent
	 * @return whether to accept the login
	 */
	boolean isValid(String user, String token);

}
