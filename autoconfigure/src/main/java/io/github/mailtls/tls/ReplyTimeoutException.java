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

import java.net.SocketTimeoutException;

/**
 * Thrown when an SMTP server does not complete a reply, or the TLS handshake, within the
 * read timeout, counted for the whole reply or handshake rather than for each read, so
 * that a server dripping its bytes cannot hold the client forever. The connection has
 * been closed when this is thrown.
 *
 * @since 0.1.0
 */
public final class ReplyTimeoutException extends SocketTimeoutException {

	private static final long serialVersionUID = 1L;

	private final int timeoutMillis;

	ReplyTimeoutException(String location, int timeoutMillis) {
		this(timeoutMillis,
				("The SMTP server at %s did not complete its reply within %d ms (mail.tls.timeouts.read); the "
						+ "connection was closed and nothing more was sent.")
					.formatted(location, timeoutMillis));
	}

	private ReplyTimeoutException(int timeoutMillis, String message) {
		super(message);
		this.timeoutMillis = timeoutMillis;
	}

	static ReplyTimeoutException handshake(String location, int timeoutMillis) {
		return new ReplyTimeoutException(timeoutMillis,
				("The SMTP server at %s did not complete the TLS handshake within %d ms "
						+ "(mail.tls.timeouts.read); the connection was closed and nothing more was sent.")
					.formatted(location, timeoutMillis));
	}

	/**
	 * Return the read timeout that the reply exceeded.
	 * @return the timeout in milliseconds
	 */
	public int timeoutMillis() {
		return this.timeoutMillis;
	}

}
