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
import java.util.function.LongSupplier;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

/**
 * An open connection owned by a {@link TransportPool}, with what it negotiated.
 *
 * @param <D> the type of the details kept with the connection
 * @since 0.1.0
 */
public final class PooledConnection<D> {

	private final Transport transport;

	private final D details;

	private final LongSupplier nanoClock;

	private final long openedNanos;

	private final long openingNanos;

	private long idleSinceNanos;

	// When the first send borrowed it: a successor opened ahead may wait idle before
	// that, and the rate it carries messages at is measured from here.
	private long firstBorrowedNanos;

	// When the last use ended, and the time per message since the one before it ended.
	private long lastUseEndNanos;

	private double recentNanosPerMessage = Double.MAX_VALUE;

	private boolean successorOpened;

	private volatile long aliveNanos;

	private volatile boolean checkFirst;

	private int messageCount;

	private int useCount;

	PooledConnection(Transport transport, D details, LongSupplier nanoClock, long openingNanos) {
		this.transport = transport;
		this.details = details;
		this.nanoClock = nanoClock;
		this.openedNanos = nanoClock.getAsLong();
		this.openingNanos = openingNanos;
		this.aliveNanos = this.openedNanos;
	}

	public Transport transport() {
		return this.transport;
	}

	public D details() {
		return this.details;
	}

	/**
	 * Whether this connection served an earlier send.
	 * @return {@code true} when reused
	 */
	public boolean isReused() {
		return this.useCount > 1;
	}

	/**
	 * Count the messages a send put over this connection.
	 * @param messages how many messages were sent or attempted
	 * @param worked whether the server answered every one of them, which proves that the
	 * connection works
	 */
	public void used(int messages, boolean worked) {
		long now = this.nanoClock.getAsLong();
		this.messageCount += messages;
		if (messages > 0) {
			this.recentNanosPerMessage = (double) (now - this.lastUseEndNanos) / messages;
			this.lastUseEndNanos = now;
		}
		if (worked) {
			this.aliveNanos = now;
		}
	}

	/**
	 * Have the connection checked before it is lent again, however recently it worked:
	 * its last reply was a failure after which the server may have closed it.
	 */
	public void checkBeforeReuse() {
		this.checkFirst = true;
	}

	void borrowed() {
		if (this.useCount++ == 0) {
			this.firstBorrowedNanos = this.nanoClock.getAsLong();
			this.lastUseEndNanos = this.firstBorrowedNanos;
		}
	}

	void idleSince(long nowNanos) {
		this.idleSinceNanos = nowNanos;
	}

	// Too old or used enough: not to be lent again, whether it is idle or just back.
	boolean isFull(PoolSettings settings, long nowNanos) {
		return this.messageCount >= settings.maxMessagesPerConnection()
				|| nowNanos - this.openedNanos >= settings.maxConnectionAge().toNanos();
	}

	/**
	 * Whether it is time to open this connection's successor, once per connection: when
	 * what is left of its life, by age or by messages, is shorter than three openings
	 * like its own would take. Messages are counted at the faster of two rates: since its
	 * first use, and over its last use alone, so that neither a pause between bursts nor
	 * one slow send hides that it is busy now. By messages it only qualifies in the last
	 * quarter of its budget; a short burst or a slowly used connection never qualifies,
	 * and no successor is opened long before it is needed.
	 */
	boolean needsSuccessor(PoolSettings settings, long nowNanos) {
		if (this.successorOpened) {
			return false;
		}
		long lead = 3 * this.openingNanos;
		long age = nowNanos - this.openedNanos;
		boolean ageRunsOut = settings.maxConnectionAge().toNanos() - age <= lead;
		int messagesLeft = settings.maxMessagesPerConnection() - this.messageCount;
		double nanosPerMessage = Math.min((double) (nowNanos - this.firstBorrowedNanos) / this.messageCount,
				this.recentNanosPerMessage);
		boolean messagesRunOut = this.messageCount >= 3 * messagesLeft && messagesLeft * nanosPerMessage <= lead;
		this.successorOpened = ageRunsOut || messagesRunOut;
		return this.successorOpened;
	}

	boolean isExpired(PoolSettings settings, long nowNanos) {
		return isFull(settings, nowNanos) || nowNanos - this.idleSinceNanos >= settings.idleTimeout().toNanos();
	}

	// A connection that just worked is very unlikely to be dead: checking it would cost a
	// round trip for nothing (HikariCP's aliveBypassWindowMs).
	boolean workedWithin(Duration window, long nowNanos) {
		return !this.checkFirst && nowNanos - this.aliveNanos < window.toNanos();
	}

	boolean validate(Duration timeout) {
		boolean alive = (this.transport instanceof PoolableTransport poolable) ? poolable.validate(timeout)
				: this.transport.isConnected();
		if (alive) {
			this.aliveNanos = this.nanoClock.getAsLong();
			this.checkFirst = false;
		}
		return alive;
	}

	void close(Duration timeout) {
		if (this.transport instanceof PoolableTransport poolable) {
			poolable.close(timeout);
			return;
		}
		try {
			this.transport.close();
		}
		catch (MessagingException ex) {
			// Closing is best effort: the server may already have dropped the connection.
		}
	}

	void abort() {
		if (this.transport instanceof PoolableTransport poolable) {
			poolable.abort();
		}
	}

}
