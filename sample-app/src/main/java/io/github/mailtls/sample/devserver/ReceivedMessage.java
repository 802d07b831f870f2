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
package io.github.mailtls.sample.devserver;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message that the development SMTP server accepted, with the TLS of the connection it
 * arrived on as the server saw it.
 *
 * @param receivedAt when the message arrived
 * @param from the envelope sender
 * @param to the envelope recipients
 * @param subject the subject header, {@code null} if absent
 * @param text the plain text content, {@code null} if the message has none
 * @param tlsProtocol the TLS protocol of the connection, {@code null} without TLS
 * @param cipherSuite the cipher suite of the connection, {@code null} without TLS
 */
record ReceivedMessage(Instant receivedAt, String from, List<String> to, @Nullable String subject,
		@Nullable String text, @Nullable String tlsProtocol, @Nullable String cipherSuite) {

	ReceivedMessage {
		to = List.copyOf(to);
	}

}
