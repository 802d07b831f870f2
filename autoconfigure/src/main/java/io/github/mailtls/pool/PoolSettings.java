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
package io.github.mailtls.pool;

import java.time.Duration;

/**
 * Limits of a {@link TransportPool}.
 *
 * @param maxConnections the most connections open at once, busy or idle
 * @param maxMessagesPerConnection after how many messages a connection is closed
 * @param idleTimeout how long an idle connection is kept
 * @param maxConnectionAge how long a connection is used at most, however busy
 * @param maxWait how long a send waits for a connection, validation of an idle one
 * included (opening a new one comes on top)
 * @param validationTimeout how long the check of an idle connection, the reset and check
 * of a connection after a failed message, and the {@code QUIT} of a closing one wait for
 * the server's reply
 * @param aliveBypassWindow how recently a connection must have worked to be reused
 * without a check
 * @param openAhead whether a connection about to be retired for its message count or age
 * has its successor opened in the background, when the pool has room, so that no send
 * waits for the successor's handshake
 * @since 0.1.0
 */
public record PoolSettings(int maxConnections, int maxMessagesPerConnection, Duration idleTimeout,
		Duration maxConnectionAge, Duration maxWait, Duration validationTimeout, Duration aliveBypassWindow,
		boolean openAhead) {

	private static final Duration LONGEST_DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * Return the validation timeout used when none is configured: 2 seconds, or half the
	 * read timeout when that is shorter, so that a check always ends well before a read
	 * would have.
	 * @param readTimeout the session's read timeout
	 * @return the validation timeout
	 */
	public static Duration defaultValidationTimeout(Duration readTimeout) {
		Duration half = readTimeout.dividedBy(2);
		return (half.compareTo(LONGEST_DEFAULT_VALIDATION_TIMEOUT) < 0) ? half : LONGEST_DEFAULT_VALIDATION_TIMEOUT;
	}

}
