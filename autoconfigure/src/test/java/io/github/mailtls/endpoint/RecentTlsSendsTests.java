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
package io.github.mailtls.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecentTlsSends}.
 */
class RecentTlsSendsTests {

	private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void newestFirstShouldReturnRecordsInReverseArrivalOrder() {
		RecentTlsSends recentSends = new RecentTlsSends(5);
		recentSends.onSend(record(1));
		recentSends.onSend(record(2));
		recentSends.onSend(record(3));
		assertThat(secondsOf(recentSends.newestFirst())).containsExactly(3L, 2L, 1L);
	}

	@Test
	void onSendWhenFullShouldDropTheOldestRecord() {
		RecentTlsSends recentSends = new RecentTlsSends(3);
		for (int second = 1; second <= 7; second++) {
			recentSends.onSend(record(second));
		}
		assertThat(secondsOf(recentSends.newestFirst())).containsExactly(7L, 6L, 5L);
	}

	@Test
	void onSendWithZeroCapacityShouldKeepNothing() {
		RecentTlsSends recentSends = new RecentTlsSends(0);
		recentSends.onSend(record(1));
		assertThat(recentSends.newestFirst()).isEmpty();
	}

	@Test
	void createWithNegativeCapacityShouldFail() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentTlsSends(-1)).withMessageContaining("capacity");
	}

	@Test
	void newestFirstShouldReturnASnapshot() {
		RecentTlsSends recentSends = new RecentTlsSends(2);
		recentSends.onSend(record(1));
		List<TlsSendRecord> snapshot = recentSends.newestFirst();
		recentSends.onSend(record(2));
		assertThat(secondsOf(snapshot)).containsExactly(1L);
	}

	private static List<Long> secondsOf(List<TlsSendRecord> records) {
		return records.stream().map((record) -> Duration.between(START, record.timestamp()).toSeconds()).toList();
	}

	private static TlsSendRecord record(int second) {
		return new TlsSendRecord(START.plusSeconds(second), "smtp.example.com", 587, TransportSecurity.STARTTLS,
				"TLSv1.3", "TLS_AES_128_GCM_SHA256", true, null, true, false, false, false, SendOutcome.SUCCESS, null,
				1, Duration.ofMillis(5));
	}

}
