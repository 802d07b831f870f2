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
package io.github.mailtls.tls;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds a whole TLS handshake by the read timeout. JSSE reads the handshake itself, with
 * the socket's timeout applying to each read, so a server that drips its handshake a few
 * bytes at a time (before any reply bound applies, as under implicit TLS) would otherwise
 * hold a connect for as long as it likes. One daemon thread, started when a handshake
 * needs it and ended when idle, closes the raw connection of a handshake that overruns;
 * the handshake then fails with a {@link ReplyTimeoutException} that says so.
 */
final class HandshakeDeadline {

	private static final ScheduledThreadPoolExecutor watchdog = watchdog();

	private HandshakeDeadline() {
	}

	private static ScheduledThreadPoolExecutor watchdog() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "mail-tls-handshake-deadline");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		executor.setKeepAliveTime(10, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * Run a handshake, closing the connection if it takes longer than the deadline's
	 * timeout.
	 * @param deadline the connection's reply deadline, whose timeout bounds the handshake
	 * @param abort closes the raw connection under the TLS layer
	 * @param handshake the handshake
	 * @throws IOException if the handshake fails or overruns
	 */
	static void run(ReplyDeadline deadline, Runnable abort, Handshake handshake) throws IOException {
		int timeout = deadline.timeout();
		if (timeout <= 0) {
			handshake.run();
			return;
		}
		AtomicBoolean overran = new AtomicBoolean();
		ScheduledFuture<?> watch = watchdog.schedule(() -> {
			overran.set(true);
			abort.run();
		}, timeout, TimeUnit.MILLISECONDS);
		try {
			handshake.run();
		}
		catch (IOException ex) {
			if (overran.get()) {
				// Not chained as the cause: the failure is the time, not the TLS error
				// that closing the connection caused.
				ReplyTimeoutException timedOut = deadline.handshakeExpired();
				timedOut.addSuppressed(ex);
				throw timedOut;
			}
			throw ex;
		}
		finally {
			watch.cancel(false);
		}
		if (overran.get()) {
			// It completed just as the connection was closed.
			throw deadline.handshakeExpired();
		}
	}

	/**
	 * A TLS handshake.
	 */
	@FunctionalInterface
	interface Handshake {

		void run() throws IOException;

	}

}
