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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;

import io.github.mailtls.pool.PoolSettings;
import io.github.mailtls.pool.PooledConnection;
import io.github.mailtls.pool.TransportPool;
import io.github.mailtls.pool.TransportPool.OpenedConnection;
import io.github.mailtls.smtp.ConnectionFacts;
import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * A sender's connection pool and the thread that closes its idle connections in time,
 * before servers drop them. A connection goes back into the pool only if every error on
 * it was a server reply (after which the session is in a known state); any other error
 * closes it.
 */
final class PooledConnections implements Connections {

	private final TransportPool<ConnectionFacts> pool;

	private final Duration checkTimeout;

	private final ScheduledExecutorService evictor;

	private final ExecutorService background;

	PooledConnections(PoolSettings settings, Connector connector) {
		// One thread per connection closed at once, so that closing all of them in
		// parallel at shutdown takes one validation timeout, not one per connection;
		// successors opened ahead run here too.
		this.background = Executors.newCachedThreadPool((task) -> SenderThreads.daemon(task, "mail-tls-pool"));
		this.pool = new TransportPool<>(settings, () -> {
			EnforcingSmtpTransport transport = connector.connect();
			return new OpenedConnection<>(transport, transport.facts());
		}, System::nanoTime, this.background);
		this.checkTimeout = settings.validationTimeout();
		this.evictor = Executors
			.newSingleThreadScheduledExecutor((task) -> SenderThreads.daemon(task, "mail-tls-pool-evictor"));
		long period = Math.max(1000, settings.idleTimeout().toMillis() / 2);
		this.evictor.scheduleWithFixedDelay(this.pool::evictExpired, period, period, TimeUnit.MILLISECONDS);
	}

	@Override
	public ConnectionUse open() throws MessagingException {
		PooledConnection<ConnectionFacts> connection = this.pool.borrow();
		return new ConnectionUse((EnforcingSmtpTransport) connection.transport(), connection.details(),
				connection.isReused(), this.checkTimeout, (transport, messages, reusable, checkFirst) -> {
					connection.used(messages, !checkFirst);
					if (checkFirst) {
						connection.checkBeforeReuse();
					}
					this.pool.release(connection, reusable);
					return null;
				});
	}

	@Override
	public void close() {
		this.evictor.shutdownNow();
		this.pool.close();
		this.background.shutdown();
	}

}
