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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.mailtls.fixtures.MutableClock;
import io.github.mailtls.sender.TlsProbeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CachedProbe}.
 */
class CachedProbeTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

	@Test
	void getWhenProbeThrowsShouldCacheTheFailureForTheTtl() {
		AtomicInteger calls = new AtomicInteger();
		CachedProbe probe = new CachedProbe(() -> {
			calls.incrementAndGet();
			throw new IllegalStateException("no session");
		}, Duration.ofSeconds(60), this.clock, List.of());
		CachedProbe.Snapshot first = probe.get();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(probe.get()).isSameAs(first);
		assertThat(first.isSuccessful()).isFalse();
		assertThat(first.result()).isNull();
		assertThat(first.error()).isEqualTo("no session");
		this.clock.advance(Duration.ofSeconds(1));
		probe.get();
		assertThat(calls).hasValue(2);
	}

	@Test
	void getWhenListenerThrowsShouldStillAnswer() {
		CachedProbe probe = new CachedProbe(() -> {
			throw new IllegalStateException("no session");
		}, Duration.ZERO, this.clock, List.of(this::failingListener));
		assertThat(probe.get().error()).isEqualTo("no session");
	}

	@Test
	void getWithZeroTtlShouldProbeEveryTime() {
		AtomicInteger calls = new AtomicInteger();
		CachedProbe probe = new CachedProbe(() -> {
			calls.incrementAndGet();
			throw new IllegalStateException("no session");
		}, Duration.ZERO, this.clock, List.of());
		probe.get();
		probe.get();
		assertThat(calls).hasValue(2);
	}

	private void failingListener(TlsProbeResult result) {
		throw new IllegalStateException("listener failed");
	}

}
