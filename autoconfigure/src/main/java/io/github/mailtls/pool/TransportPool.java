package io.github.mailtls.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps open SMTP connections for reuse. A connection is lent to one send at a time,
 * checked with the server before every reuse ({@code RSET}, so a connection the server
 * closed meanwhile is replaced transparently), and closed once it is too old, has carried
 * enough messages, sat idle too long, or ended a send with an error that may have left
 * the session in an unknown state.
 *
 * @param <D> the type of the details kept with each connection
 * @author mail-tls
 */
public final class TransportPool<D> implements AutoCloseable {

	private final PoolSettings settings;

	private final LongSupplier nanoClock;

	private final Semaphore permits;

	private final Deque<PooledConnection<D>> idle = new ArrayDeque<>();

	private volatile boolean closed;

	/**
	 * Create a pool.
	 * @param settings the limits
	 * @param nanoClock the source of {@link System#nanoTime()}-like readings
	 */
	public TransportPool(PoolSettings settings, LongSupplier nanoClock) {
		this.settings = settings;
		this.nanoClock = nanoClock;
		this.permits = new Semaphore(settings.maxConnections(), true);
	}

	/**
	 * Lend an open connection: a verified idle one, or a new one from the opener.
	 * @param opener opens and verifies a new connection
	 * @return the connection, to be given back with {@link #release}
	 * @throws MessagingException if no connection could be had within the wait limit or
	 * the opener failed
	 */
	public PooledConnection<D> borrow(Opener<D> opener) throws MessagingException {
		acquirePermit();
		try {
			PooledConnection<D> connection = reusableIdleConnection();
			if (connection == null) {
				OpenedConnection<D> opened = opener.open();
				connection = new PooledConnection<>(opened.transport(), opened.details(), this.nanoClock.getAsLong());
			}
			connection.borrowed();
			return connection;
		}
		catch (MessagingException | RuntimeException ex) {
			this.permits.release();
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

	private @Nullable PooledConnection<D> reusableIdleConnection() {
		PooledConnection<D> candidate;
		while ((candidate = pollIdle()) != null) {
			// isConnected() sends RSET and closes the connection if the server does not
			// answer 250.
			if (!candidate.isExpired(this.settings, this.nanoClock.getAsLong())
					&& candidate.transport().isConnected()) {
				return candidate;
			}
			candidate.closeQuietly();
		}
		return null;
	}

	private synchronized @Nullable PooledConnection<D> pollIdle() {
		return this.idle.pollFirst();
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
			}
			else {
				connection.closeQuietly();
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

	/**
	 * Close idle connections that have expired; meant to run periodically.
	 */
	public void evictExpired() {
		long now = this.nanoClock.getAsLong();
		List<PooledConnection<D>> expired = new ArrayList<>();
		synchronized (this) {
			this.idle.removeIf((connection) -> connection.isExpired(this.settings, now) && expired.add(connection));
		}
		expired.forEach(PooledConnection::closeQuietly);
	}

	/**
	 * Close every idle connection and refuse new borrowers. Connections still lent out
	 * are closed when given back.
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
		}
		all.forEach(PooledConnection::closeQuietly);
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
