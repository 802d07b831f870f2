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
 *
 * @author mail-tls
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
