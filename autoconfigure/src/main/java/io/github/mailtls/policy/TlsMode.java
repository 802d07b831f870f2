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
package io.github.mailtls.policy;

import java.util.Locale;

/**
 * How the sender protects the SMTP connection, set with {@code mail.tls.mode}.
 *
 * @since 0.1.0
 */
public enum TlsMode {

	/**
	 * Implicit TLS on port 465, required STARTTLS on any other port. Never plaintext.
	 */
	AUTO,

	/**
	 * TLS from the first byte (RFC 8314).
	 */
	IMPLICIT,

	/**
	 * STARTTLS (RFC 3207) is required: nothing is sent unless the upgrade succeeds.
	 */
	STARTTLS,

	/**
	 * STARTTLS when offered, plaintext otherwise. Credentials never cross in plaintext
	 * unless explicitly allowed.
	 */
	OPPORTUNISTIC,

	/**
	 * Plaintext, for local development servers only.
	 */
	NONE;

	/**
	 * The implicit TLS port assigned by RFC 8314.
	 */
	public static final int IMPLICIT_TLS_PORT = 465;

	/**
	 * Resolve {@link #AUTO} against the port the sender connects to.
	 * @param port the server port
	 * @return the mode to apply, never {@link #AUTO}
	 */
	public TlsMode resolve(int port) {
		if (this != AUTO) {
			return this;
		}
		return (port == IMPLICIT_TLS_PORT) ? IMPLICIT : STARTTLS;
	}

	/**
	 * Whether this mode refuses to send anything over a connection that is not TLS.
	 * @return {@code true} for the modes that require TLS
	 */
	public boolean requiresTls() {
		return this == AUTO || this == IMPLICIT || this == STARTTLS;
	}

	/**
	 * The lower-case name used in configuration, logs and metric tags.
	 * @return the value, for example {@code starttls}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
