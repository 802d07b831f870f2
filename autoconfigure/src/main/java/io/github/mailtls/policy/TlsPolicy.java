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

import java.time.Duration;
import java.util.List;

/**
 * The effective, validated TLS policy of a sender.
 *
 * @param configuredMode the mode as configured, possibly {@link TlsMode#AUTO}
 * @param mode the mode applied to the server port, never {@link TlsMode#AUTO}
 * @param protocols the allowed TLS protocol versions
 * @param cipherSuites the allowed cipher suites, empty for the JDK defaults
 * @param verifyHostname whether the server certificate must match the host name
 * @param allowPlaintextAuth whether credentials may be sent without TLS
 * @param requireTlsExtension whether messages must be sent with REQUIRETLS (RFC 8689)
 * @param pinnedPublicKeys the allowed {@code sha256/<base64>} public key pins, empty for
 * no pinning
 * @param trustSource a description of where trust material comes from, for reports
 * @param connectTimeout the connect timeout
 * @param readTimeout the read timeout
 * @param writeTimeout the write timeout
 * @since 0.1.0
 */
public record TlsPolicy(TlsMode configuredMode, TlsMode mode, List<String> protocols, List<String> cipherSuites,
		boolean verifyHostname, boolean allowPlaintextAuth, boolean requireTlsExtension, List<String> pinnedPublicKeys,
		String trustSource, Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

	public TlsPolicy {
		if (mode == TlsMode.AUTO) {
			throw new IllegalArgumentException("The effective mode must be resolved, not auto");
		}
		protocols = List.copyOf(protocols);
		cipherSuites = List.copyOf(cipherSuites);
		pinnedPublicKeys = List.copyOf(pinnedPublicKeys);
	}

	/**
	 * Whether the given negotiated protocol is allowed.
	 * @param protocol the protocol, for example {@code TLSv1.3}
	 * @return {@code true} if allowed
	 */
	public boolean allowsProtocol(String protocol) {
		return this.protocols.contains(protocol);
	}

	/**
	 * Whether the given negotiated cipher suite is allowed.
	 * @param cipherSuite the cipher suite
	 * @return {@code true} if allowed
	 */
	public boolean allowsCipherSuite(String cipherSuite) {
		return this.cipherSuites.isEmpty() || this.cipherSuites.contains(cipherSuite);
	}

}
