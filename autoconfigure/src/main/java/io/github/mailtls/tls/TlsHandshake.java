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

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.CertificateSummary;

/**
 * What one connection's TLS handshake negotiated, verified against the policy. Made once
 * per connection by {@link HandshakeVerifier}; never changes afterwards, however many
 * sends use the connection.
 *
 * @param protocol the negotiated protocol, for example {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param certificate the server certificate, {@code null} if the server sent none
 * @param resumed whether the handshake resumed an earlier session instead of verifying
 * the certificate chain again
 * @since 0.1.0
 */
public record TlsHandshake(String protocol, String cipherSuite, @Nullable CertificateSummary certificate,
		boolean resumed) {

}
