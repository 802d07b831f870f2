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

/**
 * The time one connection allows for the reply being read: the read timeout, counted from
 * the first read of a reply. A reply ends when its last line has been read or when the
 * client writes; the next read starts a new one. Shared by the plaintext socket and the
 * TLS socket layered on it, which read on the same thread.
 */
final class ReplyDeadline {

	private volatile String location;

	private volatile int timeoutMillis;

	private long deadlineNanos;

	private boolean running;

	ReplyDeadline(String location, int timeoutMillis) {
		this.location = location;
		this.timeoutMillis = timeoutMillis;
	}

	void timeout(int timeoutMillis) {
		this.timeoutMillis = timeoutMillis;
	}

	// The configured read timeout, not what is left of it for the current reply.
	int timeout() {
		return this.timeoutMillis;
	}

	void location(String location) {
		this.location = location;
	}

	String location() {
		return this.location;
	}

	synchronized void replyEnded() {
		this.running = false;
	}

	/**
	 * Return the time left for the current reply, starting it if none is running.
	 * @return the milliseconds left, at least 1, or 0 when there is no read timeout
	 * @throws ReplyTimeoutException if no time is left
	 */
	synchronized int remainingMillis() throws ReplyTimeoutException {
		int timeout = this.timeoutMillis;
		if (timeout <= 0) {
			return 0;
		}
		long now = System.nanoTime();
		if (!this.running) {
			this.running = true;
			this.deadlineNanos = now + timeout * 1_000_000L;
		}
		long remaining = (this.deadlineNanos - now) / 1_000_000L;
		if (remaining <= 0) {
			throw expired();
		}
		return (int) Math.min(remaining, timeout);
	}

	ReplyTimeoutException expired() {
		return new ReplyTimeoutException(this.location, this.timeoutMillis);
	}

	ReplyTimeoutException handshakeExpired() {
		return ReplyTimeoutException.handshake(this.location, this.timeoutMillis);
	}

}
