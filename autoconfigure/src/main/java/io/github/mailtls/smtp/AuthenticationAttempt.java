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

/**
 * How the transport's current connection authenticates: with credentials or without, with
 * an OAuth2 token (issue 12: {@code AUTH XOAUTH2} only, after TLS only) or a password,
 * and whether it got as far as {@code AUTH}, which tells a rejected token from a failure
 * before it. Used under the transport's monitor.
 */
final class AuthenticationAttempt {

	private final boolean token;

	private boolean credentials;

	private boolean authSent;

	AuthenticationAttempt(boolean token) {
		this.token = token;
	}

	/**
	 * Start over for a new connection.
	 * @param credentials whether the connection was given a user name and password
	 */
	void connecting(boolean credentials) {
		this.credentials = credentials;
		this.authSent = false;
	}

	/**
	 * Note a command that is about to be written.
	 * @param verb the command's verb
	 */
	void commandSent(String verb) {
		if ("AUTH".equals(verb)) {
			this.authSent = true;
		}
	}

	/**
	 * Whether the session authenticates with OAuth2 tokens.
	 * @return whether it does
	 */
	boolean withToken() {
		return this.token;
	}

	/**
	 * Whether the connection was given credentials.
	 * @return whether it was
	 */
	boolean withCredentials() {
		return this.credentials;
	}

	/**
	 * Whether the connection would send an OAuth2 token.
	 * @return whether it has credentials and they are a token
	 */
	boolean sendsToken() {
		return this.token && this.credentials;
	}

	/**
	 * Whether the server did not accept the {@code AUTH} of this connection: a
	 * {@code 334} error challenge (RFC 7628) or a 4xx/5xx reply.
	 * @param lastReturnCode the code of the server's last reply
	 * @return whether {@code AUTH} was sent and rejected
	 */
	boolean rejected(int lastReturnCode) {
		return this.authSent && (lastReturnCode == 334 || lastReturnCode >= 400);
	}

}
