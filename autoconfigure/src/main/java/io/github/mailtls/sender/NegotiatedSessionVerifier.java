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

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;

/**
 * Checks every completed TLS handshake against the policy and records what was
 * negotiated. Angus Mail calls it (as {@code mail.smtp.ssl.hostnameverifier}) after the
 * handshake of both implicit TLS and STARTTLS, before it sends anything else; the host
 * name itself is already verified by JSSE during the handshake.
 */
final class NegotiatedSessionVerifier implements HostnameVerifier {

	private final TlsPolicy policy;

	NegotiatedSessionVerifier(TlsPolicy policy) {
		this.policy = policy;
	}

	@Override
	public boolean verify(String hostname, SSLSession session) {
		ConnectionAttempt attempt = ConnectionAttempt.current();
		if (attempt == null) {
			// Only an enforcing transport binds an attempt: refuse anything else.
			return false;
		}
		if (!this.policy.allowsProtocol(session.getProtocol())) {
			throw attempt.refusal(RefusalReason.PROTOCOL_NOT_ALLOWED,
					"the server negotiated %s but mail.tls.protocols allows only %s.".formatted(session.getProtocol(),
							this.policy.protocols()));
		}
		if (!this.policy.allowsCipherSuite(session.getCipherSuite())) {
			throw attempt.refusal(RefusalReason.PROTOCOL_NOT_ALLOWED,
					"the server negotiated cipher suite %s, which mail.tls.cipher-suites does not allow."
						.formatted(session.getCipherSuite()));
		}
		attempt.tlsEstablished(session);
		return true;
	}

}
