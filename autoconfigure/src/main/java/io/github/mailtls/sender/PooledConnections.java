package io.github.mailtls.sender;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.mailtls.pool.PoolSettings;
import io.github.mailtls.pool.TransportPool;

/**
 * A sender's connection pool and the thread that closes its idle connections in time,
 * before servers drop them.
 *
 * @author mail-tls
 */
final class PooledConnections implements AutoCloseable {

	private final TransportPool<ConnectionAttempt> pool;

	private final ScheduledExecutorService evictor;

	private final ExecutorService closer;

	PooledConnections(PoolSettings settings) {
		// One thread per connection closed at once, so that closing all of them in
		// parallel at shutdown takes one validation timeout, not one per connection.
		this.closer = Executors.newCachedThreadPool((task) -> SenderThreads.daemon(task, "mail-tls-pool-closer"));
		this.pool = new TransportPool<>(settings, System::nanoTime, this.closer);
		this.evictor = Executors
			.newSingleThreadScheduledExecutor((task) -> SenderThreads.daemon(task, "mail-tls-pool-evictor"));
		long period = Math.max(1000, settings.idleTimeout().toMillis() / 2);
		this.evictor.scheduleWithFixedDelay(this.pool::evictExpired, period, period, TimeUnit.MILLISECONDS);
	}

	TransportPool<ConnectionAttempt> pool() {
		return this.pool;
	}

	@Override
	public void close() {
		this.evictor.shutdownNow();
		this.pool.close();
		this.closer.shutdown();
	}

}
