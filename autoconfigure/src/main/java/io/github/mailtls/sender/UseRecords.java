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

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.smtp.ConnectionFacts;
import io.github.mailtls.tls.TlsHandshake;

/**
 * Builds the record of one connection use from the connection's fixed facts and the facts
 * of that use.
 */
final class UseRecords {

	private UseRecords() {
	}

	static TlsSendRecord of(ConnectionFacts connection, boolean reused, boolean requireTlsUsed, SendOutcome outcome,
			@Nullable RefusalReason reason, int messageCount, Instant started, long startedNanos) {
		TlsHandshake handshake = connection.handshake();
		return new TlsSendRecord(started, connection.host(), connection.port(), connection.security(),
				(handshake != null) ? handshake.protocol() : null, (handshake != null) ? handshake.cipherSuite() : null,
				handshake != null && handshake.certificate() != null,
				(handshake != null) ? handshake.certificate() : null, connection.startTlsAdvertised(), requireTlsUsed,
				reused, handshake != null && handshake.resumed(), outcome, reason, messageCount,
				Duration.ofNanos(System.nanoTime() - startedNanos));
	}

}
