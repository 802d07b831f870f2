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

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.tls.TlsHandshake;

/**
 * What one SMTP connection established: fixed once the connection is open, shared by
 * every send that uses it.
 *
 * @param host the server host
 * @param port the server port
 * @param security how the connection is protected; while a connection is refused, the
 * protection the policy demanded
 * @param startTlsAdvertised whether the server advertised STARTTLS in plaintext
 * @param handshake the verified TLS handshake, {@code null} without TLS
 * @since 0.1.0
 */
public record ConnectionFacts(String host, int port, TransportSecurity security, boolean startTlsAdvertised,
		@Nullable TlsHandshake handshake) {

}
