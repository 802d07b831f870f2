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
 * A transport whose checks and closing a {@link TransportPool} can bound in time. Without
 * it, the pool falls back to {@link jakarta.mail.Transport#isConnected()} and
 * {@link jakarta.mail.Transport#close()}, which wait as long as the read timeout.
 *
 * @since 0.1.0
 */
public interface PoolableTransport {

	/**
	 * Check with the server that the connection still works, waiting at most the given
	 * time for its reply. A connection that fails the check is closed.
	 * @param timeout the longest wait for the reply
	 * @return whether the connection works
	 */
	boolean validate(Duration timeout);

	/**
	 * Say {@code QUIT}, wait at most the given time for the reply, then close the socket
	 * whatever happened.
	 * @param timeout the longest wait for the reply
	 */
	void close(Duration timeout);

	/**
	 * Close the socket at once, without a word to the server and without waiting for a
	 * thread that is using the connection, which then fails.
	 */
	void abort();

}
