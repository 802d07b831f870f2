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
package io.github.mailtls.benchmarks;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Polls a mail health indicator as a monitoring system would and counts the TLS
 * handshakes the server saw for it.
 */
final class HealthPolls {

	private final BenchmarkServer server;

	private final int polls;

	HealthPolls(BenchmarkServer server, int polls) {
		this.server = server;
		this.polls = polls;
	}

	void measure(String name, HealthIndicator indicator) {
		int before = this.server.tlsHandshakes();
		long start = System.nanoTime();
		Health last = null;
		for (int i = 0; i < this.polls; i++) {
			last = indicator.health();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int handshakes = this.server.tlsHandshakes() - before;
		System.out.printf("%-38s %5d polls: %10.1f polls/s, %4d server connections, status %s%n", name, this.polls,
				this.polls / seconds, handshakes, (last != null) ? last.getStatus() : "?");
	}

}
