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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import jakarta.mail.MessagingException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps open SMTP connections for reuse, with every wait bounded the way HikariCP bounds
 * them. A connection is lent to one send at a time. Before reuse it is checked with the
 * server ({@code RSET}, waiting at most the validation timeout) unless it worked within
 * the alive-bypass window; at most one idle connection is checked per borrow, so dead
 * connections cannot add up: when the check fails a new connection is opened. A
 * connection is closed once it is too old, has carried enough messages, sat idle too
 * long, or ended a send with an error that may have left the session in an unknown state;
 * closing happens on the background executor so that a dead server never holds up a send,
 * and {@link #close()} closes every idle connection in parallel within the validation
 * timeout.
 * <p>
 * With {@link PoolSettings#openAhead() open-ahead}, a connection that will soon be
 * retired for its message count or age has its successor opened on the background
 * executor while it goes on carrying messages, so that busy senders do not wait for a
 * handshake every {@code maxMessagesPerConnection} messages. The successor counts against
 * {@code maxConnections} like any connection and is only opened when the pool has room;
 * one that fails is dropped, and the next send that needs a connection opens one itself
 * and reports what happens.
 *
 * @param <D> the type of the details kept with each connection
 * @since 0.1.0
 */
public final class TransportPool<D> implements AutoCloseable {

	private static final Duration SMALLEST_CHECK = Duration.ofMillis(1);

	private static final Log logger = LogFactory.getLog(TransportPool.class);

	private final PoolSettings settings;

	private final LongSupplier nanoClock;

	private final Opener<D> opener;

	private final Executor background;

	private final Semaphore permits;

	private final Deque<PooledConnection<D>> idle = new ArrayDeque<>();

	// Connections open or being opened, lent or idle; never more than maxConnections.
	private int open;

	// The successor being opened ahead, completed when it is idle or has failed.
	private @Nullable CompletableFuture<Void> successor;

	private volatile boolean closed;

	/**
	 * Create a pool.
	 * @param settings the limits
	 * @param opener opens and verifies a new connection
	 * @param nanoClock the source of {@link System#nanoTime()}-like readings
	 * @param background closes discarded connections and opens successors; it must be
	 * able to run {@code maxConnections} tasks at once for {@link #close()} to finish in
	 * time
	 */
	public TransportPool(PoolSettings settings, Opener<D> opener, LongSupplier nanoClock, Executor background) {
		this.settings = settings;
		this.opener = opener;
		this.nanoClock = nanoClock;
		this.background = background;
		this.permits = new Semaphore(settings.maxConnections(), true);
	}

	/**
	 * Lend an open connection: an idle one that worked recently or passes its check, the
	 * successor being opened ahead, or a new one from the opener. Waiting for a free
	 * connection, for the successor and checking an idle one take at most
	 * {@link PoolSettings#maxWait()} together; opening comes on top.
	 * @return the connection, to be given back with {@link #release}
	 * @throws MessagingException if no connection could be had within the wait limit or
	 * the opener failed
	 */
	public PooledConnection<D> borrow() throws MessagingException {
		long deadline = this.nanoClock.getAsLong() + this.settings.maxWait().toNanos();
		acquirePermit();
		try {
			PooledConnection<D> connection = reusableIdleConnection(deadline);
			if (connection == null) {
				connection = successorOrNew(deadline);
			}
			connection.borrowed();
			return connection;
		}
		catch (MessagingException | RuntimeException ex) {
			this.permits.release();
			throw ex;
		}
	}

	// Nothing idle: the successor under way is ready sooner than a new connection would
	// be; wait for it within the deadline, and open a new one if it fails or another
	// send takes it.
	private PooledConnection<D> successorOrNew(long deadline) throws MessagingException {
		CompletableFuture<Void> underWay;
		synchronized (this) {
			underWay = this.successor;
		}
		if (underWay != null) {
			awaitQuietly(underWay, deadline);
			PooledConnection<D> successor = pollIdle();
			if (successor != null) {
				return successor;
			}
		}
		synchronized (this) {
			if (this.open >= this.settings.maxConnections()) {
				// Only a successor still opening can fill the last place.
				throw new PoolExhaustedException(("All %d pooled mail connections were busy or still opening for "
						+ "%s; raise mail.tls.pool.max-connections or send less at once")
					.formatted(this.settings.maxConnections(), this.settings.maxWait()));
			}
			this.open++;
		}
		return openNew();
	}

	private void awaitQuietly(CompletableFuture<Void> underWay, long deadline) {
		try {
			underWay.get(Math.max(0, deadline - this.nanoClock.getAsLong()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// Not ready in time: the caller decides what to do without it.
		}
	}

	// The caller has counted the connection in open.
	private PooledConnection<D> openNew() throws MessagingException {
		long start = this.nanoClock.getAsLong();
		try {
			OpenedConnection<D> opened = this.opener.open();
			return new PooledConnection<>(opened.transport(), opened.details(), this.nanoClock,
					this.nanoClock.getAsLong() - start);
		}
		catch (MessagingException | RuntimeException ex) {
			closed(1);
			throw ex;
		}
	}

	private void acquirePermit() throws MessagingException {
		if (this.closed) {
			throw new MessagingException("The connection pool is closed");
		}
		try {
			if (!this.permits.tryAcquire(this.settings.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
				throw new PoolExhaustedException(("All %d pooled mail connections stayed busy for %s; raise "
						+ "mail.tls.pool.max-connections or send less at once")
					.formatted(this.settings.maxConnections(), this.settings.maxWait()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MessagingException("Interrupted while waiting for a pooled mail connection", ex);
		}
	}

	private @Nullable PooledConnection<D> reusableIdleConnection(long deadline) {
		PooledConnection<D> candidate;
		while ((candidate = pollIdle()) != null) {
			long now = this.nanoClock.getAsLong();
			if (candidate.isExpired(this.settings, now)) {
				discard(candidate);
				continue;
			}
			if (candidate.workedWithin(this.settings.aliveBypassWindow(), now)
					|| candidate.validate(checkTimeout(deadline - now))) {
				return candidate;
			}
			// The check closed it. Checking the next one might fail the same way (a
			// partition kills every connection): open a new one instead, so that a
			// send never waits for more than one check.
			closed(1);
			candidate.abort();
			return null;
		}
		return null;
	}

	private Duration checkTimeout(long remainingNanos) {
		Duration remaining = Duration.ofNanos(Math.max(remainingNanos, SMALLEST_CHECK.toNanos()));
		return (remaining.compareTo(this.settings.validationTimeout()) < 0) ? remaining
				: this.settings.validationTimeout();
	}

	private synchronized @Nullable PooledConnection<D> pollIdle() {
		return this.idle.pollFirst();
	}

	private synchronized void closed(int connections) {
		this.open -= connections;
	}

	/**
	 * Give a connection back.
	 * @param connection the connection
	 * @param reusable whether the send left it in a known, clean state
	 */
	public void release(PooledConnection<D> connection, boolean reusable) {
		try {
			long now = this.nanoClock.getAsLong();
			if (reusable && !this.closed && !connection.isFull(this.settings, now)) {
				connection.idleSince(now);
				offerIdle(connection);
				if (this.settings.openAhead() && connection.needsSuccessor(this.settings, now)) {
					openSuccessor();
				}
			}
			else {
				discard(connection);
			}
		}
		finally {
			this.permits.release();
		}
		if (this.closed) {
			closeIdle();
		}
	}

	private synchronized void offerIdle(PooledConnection<D> connection) {
		this.idle.offerFirst(connection);
	}

	private void openSuccessor() {
		CompletableFuture<Void> underWay = new CompletableFuture<>();
		synchronized (this) {
			if (this.closed || this.successor != null || this.open >= this.settings.maxConnections()) {
				return;
			}
			this.open++;
			this.successor = underWay;
		}
		try {
			this.background.execute(() -> openSuccessor(underWay));
		}
		catch (RejectedExecutionException ex) {
			synchronized (this) {
				this.open--;
				this.successor = null;
			}
			underWay.complete(null);
		}
	}

	private void openSuccessor(CompletableFuture<Void> underWay) {
		PooledConnection<D> successor = null;
		try {
			successor = openNew();
		}
		catch (MessagingException | RuntimeException ex) {
			// The send that next needs a connection opens one and reports the failure.
			logger.debug("Opening a pooled mail connection ahead of time failed: " + ex.getMessage());
		}
		boolean kept = false;
		synchronized (this) {
			this.successor = null;
			if (successor != null && !this.closed) {
				successor.idleSince(this.nanoClock.getAsLong());
				// Behind the connection it succeeds, which carries on until it is full.
				this.idle.offerLast(successor);
				kept = true;
			}
		}
		if (successor != null && !kept) {
			discard(successor);
		}
		underWay.complete(null);
	}

	private void discard(PooledConnection<D> connection) {
		closed(1);
		try {
			this.background.execute(() -> connection.close(this.settings.validationTimeout()));
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: close here, still bounded.
			connection.close(this.settings.validationTimeout());
		}
	}

	/**
	 * Close idle connections that have expired; meant to run periodically.
	 */
	public void evictExpired() {
		long now = this.nanoClock.getAsLong();
		List<PooledConnection<D>> expired = new ArrayList<>();
		synchronized (this) {
			this.idle.removeIf((connection) -> connection.isExpired(this.settings, now) && expired.add(connection));
		}
		expired.forEach(this::discard);
	}

	/**
	 * Close every idle connection and refuse new borrowers, in at most the validation
	 * timeout: connections are closed in parallel, each one's {@code QUIT} waits at most
	 * the validation timeout, and any still closing then is aborted. Connections still
	 * lent out are closed when given back.
	 */
	@Override
	public void close() {
		this.closed = true;
		closeIdle();
	}

	private void closeIdle() {
		List<PooledConnection<D>> all;
		synchronized (this) {
			all = new ArrayList<>(this.idle);
			this.idle.clear();
			this.open -= all.size();
		}
		if (all.isEmpty()) {
			return;
		}
		Duration timeout = this.settings.validationTimeout();
		List<CompletableFuture<Void>> closing = new ArrayList<>();
		for (PooledConnection<D> connection : all) {
			closing.add(closeAsync(connection, timeout));
		}
		long deadline = this.nanoClock.getAsLong() + timeout.toNanos();
		for (int i = 0; i < all.size(); i++) {
			try {
				closing.get(i).get(Math.max(0, deadline - this.nanoClock.getAsLong()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				all.get(i).abort();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				all.get(i).abort();
			}
		}
	}

	private CompletableFuture<Void> closeAsync(PooledConnection<D> connection, Duration timeout) {
		try {
			return CompletableFuture.runAsync(() -> connection.close(timeout), this.background);
		}
		catch (RejectedExecutionException ex) {
			connection.abort();
			return CompletableFuture.completedFuture(null);
		}
	}

	/**
	 * Opens and verifies a new connection.
	 *
	 * @param <D> the type of the details kept with the connection
	 */
	@FunctionalInterface
	public interface Opener<D> {

		/**
		 * Open a connection.
		 * @return the open connection and its details
		 * @throws MessagingException if it cannot be opened
		 */
		OpenedConnection<D> open() throws MessagingException;

	}

	/**
	 * A newly opened connection and its details.
	 *
	 * @param <D> the type of the details
	 * @param transport the connected transport
	 * @param details what the connection negotiated
	 */
	public record OpenedConnection<D>(jakarta.mail.Transport transport, D details) {

	}

}
