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
package io.github.mailtls.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.sender.TlsProbeListener;
import io.github.mailtls.sender.TlsProbeResult;

/**
 * Runs a probe at most once per time-to-live, one at a time, and hands its answer to
 * every caller in between.
 */
final class CachedProbe {

	private static final Log logger = LogFactory.getLog(CachedProbe.class);

	private final Supplier<TlsProbeResult> probe;

	private final Duration timeToLive;

	private final Clock clock;

	private final List<TlsProbeListener> listeners;

	// Fair, so that pollers queued behind a slow probe are answered in order from its
	// result.
	private final ReentrantLock lock = new ReentrantLock(true);

	private @Nullable Snapshot snapshot;

	CachedProbe(Supplier<TlsProbeResult> probe, Duration timeToLive, Clock clock, List<TlsProbeListener> listeners) {
		this.probe = probe;
		this.timeToLive = timeToLive;
		this.clock = clock;
		this.listeners = List.copyOf(listeners);
	}

	Snapshot get() {
		this.lock.lock();
		try {
			Snapshot current = this.snapshot;
			if (current != null && this.clock.instant().isBefore(current.checkedAt().plus(this.timeToLive))) {
				return current;
			}
			Snapshot fresh = probe();
			this.snapshot = fresh;
			return fresh;
		}
		finally {
			this.lock.unlock();
		}
	}

	private Snapshot probe() {
		try {
			TlsProbeResult result = this.probe.get();
			notifyListeners(result);
			return new Snapshot(this.clock.instant(), result, result.error());
		}
		catch (RuntimeException ex) {
			// Cached like any other answer: a broken probe must not turn every poll into
			// a connection.
			return new Snapshot(this.clock.instant(), null, String.valueOf(ex.getMessage()));
		}
	}

	private void notifyListeners(TlsProbeResult result) {
		for (TlsProbeListener listener : this.listeners) {
			try {
				listener.onProbe(result);
			}
			catch (RuntimeException ex) {
				logger.warn("TLS probe listener " + listener + " failed", ex);
			}
		}
	}

	/**
	 * One probe answer.
	 *
	 * @param checkedAt when the probe ended
	 * @param result the probe result, {@code null} if the probe itself threw
	 * @param error why the probe failed, {@code null} on success
	 */
	record Snapshot(Instant checkedAt, @Nullable TlsProbeResult result, @Nullable String error) {

		boolean isSuccessful() {
			return this.result != null && this.result.isSuccessful();
		}

	}

}
