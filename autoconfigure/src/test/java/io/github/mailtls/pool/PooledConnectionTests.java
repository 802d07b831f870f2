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
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a pooled connection asks for its successor. A successor opened ahead waits idle
 * until its predecessor is full, and an application may pause between bursts; neither
 * wait is part of the rate at which a busy connection carries messages, or it would ask
 * for its successor too late and a send would wait for a handshake.
 */
class PooledConnectionTests {

	private static final Duration OPENING = Duration.ofMillis(10);

	private static final Duration PER_MESSAGE = Duration.ofMillis(1);

	private static final PoolSettings SETTINGS = new PoolSettings(4, 100, Duration.ofMinutes(1), Duration.ofHours(1),
			Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500), true);

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void connectionUsedAtOnceShouldAskForItsSuccessorWhenItsLastMessagesTakeThreeOpenings() throws Exception {
		PooledConnection<String> connection = open();
		assertThat(messagesUntilSuccessor(connection)).isEqualTo(75);
	}

	@Test
	void idleWaitBeforeTheFirstUseShouldNotDelayTheSuccessor() throws Exception {
		PooledConnection<String> connection = open();
		// Opened ahead, then idle while its predecessor carried its last messages.
		advance(Duration.ofSeconds(10));
		assertThat(messagesUntilSuccessor(connection)).isEqualTo(75);
	}

	@Test
	void pauseBetweenBurstsShouldNotDelayTheSuccessor() throws Exception {
		PooledConnection<String> connection = open();
		for (int i = 0; i < 60; i++) {
			connection.borrowed();
			advance(PER_MESSAGE);
			connection.used(1, true);
		}
		// The application pauses, then sends as busily as before.
		advance(Duration.ofSeconds(10));
		connection.borrowed();
		advance(PER_MESSAGE);
		connection.used(1, true);
		assertThat(messagesUntilSuccessor(connection)).isEqualTo(75 - 61);
	}

	@Test
	void slowlyUsedConnectionShouldNotAskForASuccessorByItsMessageCount() throws Exception {
		PooledConnection<String> connection = open();
		connection.borrowed();
		// Each message takes longer than the three openings a successor is given.
		for (int i = 0; i < SETTINGS.maxMessagesPerConnection() - 1; i++) {
			advance(OPENING.multipliedBy(4));
			connection.used(1, true);
			assertThat(connection.needsSuccessor(SETTINGS, this.nanos.get())).as("after message %d", i + 1).isFalse();
		}
	}

	@Test
	void successorShouldBeAskedForOnlyOnce() throws Exception {
		PooledConnection<String> connection = open();
		messagesUntilSuccessor(connection);
		connection.used(1, true);
		assertThat(connection.needsSuccessor(SETTINGS, this.nanos.get())).isFalse();
	}

	private PooledConnection<String> open() throws Exception {
		return new PooledConnection<>(Session.getInstance(new Properties()).getTransport("smtp"), "facts",
				this.nanos::get, OPENING.toNanos());
	}

	// Messages sent one after another at PER_MESSAGE, each in its own borrow, until the
	// connection asks for its successor.
	private int messagesUntilSuccessor(PooledConnection<String> connection) {
		for (int sent = 1; sent <= SETTINGS.maxMessagesPerConnection(); sent++) {
			connection.borrowed();
			advance(PER_MESSAGE);
			connection.used(1, true);
			if (connection.needsSuccessor(SETTINGS, this.nanos.get())) {
				return sent;
			}
		}
		return -1;
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
