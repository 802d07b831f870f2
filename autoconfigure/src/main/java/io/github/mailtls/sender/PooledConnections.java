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

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.mailtls.pool.PoolSettings;
import io.github.mailtls.pool.TransportPool;

/**
 * A sender's connection pool and the thread that closes its idle connections in time,
 * before servers drop them.
 */
final class PooledConnections implements AutoCloseable {

	private final TransportPool<ConnectionAttempt> pool;

	private final ScheduledExecutorService evictor;

	PooledConnections(PoolSettings settings) {
		this.pool = new TransportPool<>(settings, System::nanoTime);
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
	}

}
