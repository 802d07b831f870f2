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
package io.github.mailtls.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.record.CertificateSummary;

/**
 * The one post-handshake step: checks the negotiated session against the policy and turns
 * it into a {@link TlsHandshake}. Angus Mail calls it (as
 * {@code mail.smtp.ssl.hostnameverifier}) after the handshake of both implicit TLS and
 * STARTTLS, before it sends anything else; trust and the host name were already checked
 * by JSSE during the handshake.
 *
 * @since 0.1.0
 */
public final class HandshakeVerifier implements HostnameVerifier {

	private final TlsPolicy policy;

	/**
	 * Create a verifier for the given policy.
	 * @param policy the policy
	 */
	public HandshakeVerifier(TlsPolicy policy) {
		this.policy = policy;
	}

	@Override
	public boolean verify(String hostname, SSLSession session) {
		HandshakeCapture capture = HandshakeCapture.current();
		if (capture == null) {
			// Only an enforcing transport opens a capture: refuse anything else.
			return false;
		}
		if (!this.policy.allowsProtocol(session.getProtocol())) {
			throw new TlsRefusal(RefusalReason.PROTOCOL_NOT_ALLOWED,
					"the server negotiated %s but mail.tls.protocols allows only %s.".formatted(session.getProtocol(),
							this.policy.protocols()));
		}
		if (!this.policy.allowsCipherSuite(session.getCipherSuite())) {
			throw new TlsRefusal(RefusalReason.PROTOCOL_NOT_ALLOWED,
					"the server negotiated cipher suite %s, which mail.tls.cipher-suites does not allow."
						.formatted(session.getCipherSuite()));
		}
		capture.completed(new TlsHandshake(session.getProtocol(), session.getCipherSuite(), leafCertificate(session),
				!capture.isCertificateVerified()));
		return true;
	}

	private static @Nullable CertificateSummary leafCertificate(SSLSession session) {
		try {
			Certificate[] chain = session.getPeerCertificates();
			return (chain.length > 0 && chain[0] instanceof X509Certificate leaf) ? CertificateSummary.of(leaf) : null;
		}
		catch (SSLPeerUnverifiedException ex) {
			return null;
		}
	}

}
