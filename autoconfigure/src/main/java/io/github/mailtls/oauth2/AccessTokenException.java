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

import org.springframework.mail.MailAuthenticationException;

/**
 * Thrown when no access token could be obtained for mail. The message names where the
 * token was asked for and why it failed, never a secret; {@link #getReason()} is a
 * low-cardinality value fit for a metric tag.
 *
 * @since 0.1.0
 */
public class AccessTokenException extends MailAuthenticationException {

	private final String reason;

	/**
	 * Create a new exception.
	 * @param reason the low-cardinality reason, for example {@code invalid_client}
	 * @param message the explanation, free of secrets
	 */
	public AccessTokenException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Create a new exception.
	 * @param reason the low-cardinality reason, for example {@code invalid_client}
	 * @param message the explanation, free of secrets
	 * @param cause the cause
	 */
	public AccessTokenException(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Return the low-cardinality reason, for example {@code invalid_client} or
	 * {@code endpoint_unreachable}.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
