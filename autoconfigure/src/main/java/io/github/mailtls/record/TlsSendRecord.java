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

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;

/**
 * What TLS was negotiated for one connection use, and how that use ended. The TLS facts
 * are the connection's, fixed when it was opened; reuse, REQUIRETLS, outcome, message
 * count and duration are this use's. Holds no subjects, addresses or bodies.
 *
 * @param timestamp when the send started
 * @param host the server host
 * @param port the server port
 * @param security how the connection was protected; for a refusal, the protection the
 * policy demanded
 * @param protocol the negotiated TLS protocol, {@code null} without TLS
 * @param cipherSuite the negotiated cipher suite, {@code null} without TLS
 * @param peerCertificateVerified whether the server certificate chain was verified
 * @param certificate the server certificate, {@code null} without TLS
 * @param startTlsAdvertised whether the server advertised STARTTLS in plaintext
 * @param requireTlsUsed whether a message of this use was sent with the REQUIRETLS
 * extension
 * @param connectionReused whether this use reused a pooled connection verified by an
 * earlier send
 * @param tlsSessionResumed whether the connection's TLS handshake resumed an earlier
 * session instead of verifying the certificate again
 * @param outcome how the send ended
 * @param reason why it was refused, {@code null} unless refused
 * @param messageCount how many messages this use carried, or was to carry when no
 * connection could be had
 * @param duration how long the send took
 * @since 0.1.0
 */
public record TlsSendRecord(Instant timestamp, String host, int port, TransportSecurity security,
		@Nullable String protocol, @Nullable String cipherSuite, boolean peerCertificateVerified,
		@Nullable CertificateSummary certificate, boolean startTlsAdvertised, boolean requireTlsUsed,
		boolean connectionReused, boolean tlsSessionResumed, SendOutcome outcome, @Nullable RefusalReason reason,
		int messageCount, Duration duration) {

}
