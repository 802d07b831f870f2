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
 * Why the sender refused to send over a connection. The {@link #value() value} is the
 * public tag used by metrics, health and the endpoint.
 *
 * @since 0.1.0
 */
public enum RefusalReason {

	/**
	 * The server did not advertise STARTTLS although the policy requires it.
	 */
	STARTTLS_NOT_OFFERED,

	/**
	 * The server refused the STARTTLS command or the TLS upgrade failed.
	 */
	STARTTLS_FAILED,

	/**
	 * The negotiated TLS protocol or cipher suite is not allowed by the policy, or none
	 * could be agreed on.
	 */
	PROTOCOL_NOT_ALLOWED,

	/**
	 * The server certificate does not chain to a trusted certificate.
	 */
	CERTIFICATE_UNTRUSTED,

	/**
	 * The server certificate is not valid for the host name the sender connected to.
	 */
	HOSTNAME_MISMATCH,

	/**
	 * The server certificate has expired or is not valid yet.
	 */
	CERTIFICATE_EXPIRED,

	/**
	 * The server public key matches none of the configured pins.
	 */
	PIN_MISMATCH,

	/**
	 * Something would have been sent in plaintext that the policy forbids.
	 */
	PLAINTEXT_REFUSED,

	/**
	 * A server that offered STARTTLS before stopped offering it.
	 */
	DOWNGRADE_DETECTED,

	/**
	 * The server did not advertise the REQUIRETLS extension (RFC 8689).
	 */
	REQUIRETLS_NOT_OFFERED;

	/**
	 * The public tag value, for example {@code starttls_not_offered}.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
