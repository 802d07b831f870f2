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
package io.github.mailtls.record;

import java.util.Locale;

import io.github.mailtls.policy.TlsMode;

/**
 * How a connection was protected in practice (the {@code tls.mode} tag).
 *
 * @since 0.1.0
 */
public enum TransportSecurity {

	/**
	 * TLS from the first byte.
	 */
	IMPLICIT,

	/**
	 * Upgraded to TLS with STARTTLS.
	 */
	STARTTLS,

	/**
	 * Plaintext.
	 */
	NONE;

	/**
	 * Return the protection a policy mode demands (plaintext for the modes that allow
	 * it).
	 * @param mode the effective mode
	 * @return the protection
	 */
	public static TransportSecurity of(TlsMode mode) {
		return switch (mode) {
			case IMPLICIT -> IMPLICIT;
			case STARTTLS, AUTO -> STARTTLS;
			case OPPORTUNISTIC, NONE -> NONE;
		};
	}

	/**
	 * The public tag value, for example {@code implicit}.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
