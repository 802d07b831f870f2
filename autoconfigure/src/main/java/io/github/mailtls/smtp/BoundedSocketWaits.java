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
package io.github.mailtls.smtp;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.jspecify.annotations.Nullable;

/**
 * Runs a pool's check and {@code QUIT} of a connection with a read timeout of their own,
 * shorter than the session's: Angus reads replies with the socket's {@code SO_TIMEOUT},
 * so setting it for the duration of one exchange bounds that exchange, and a socket
 * closed from another thread ends any read at once.
 */
final class BoundedSocketWaits {

	private BoundedSocketWaits() {
	}

	/**
	 * Check the connection ({@code RSET}), waiting at most the given time for the reply.
	 * @param transport the connected transport, which closes itself when the check fails
	 * @param socket the transport's TCP or TLS socket, if known
	 * @param timeout the longest wait
	 * @return whether the server answered {@code 250}
	 */
	static boolean validate(Transport transport, @Nullable Socket socket, Duration timeout) {
		if (socket == null) {
			return transport.isConnected();
		}
		synchronized (transport) {
			Integer previous = setTimeout(socket, timeout);
			if (previous == null) {
				return false;
			}
			try {
				return transport.isConnected();
			}
			finally {
				restoreTimeout(socket, previous);
			}
		}
	}

	/**
	 * Say {@code QUIT}, waiting at most the given time for the reply, then close the
	 * socket.
	 * @param transport the transport
	 * @param socket the transport's socket, if known
	 * @param timeout the longest wait; zero closes without {@code QUIT}
	 */
	static void close(Transport transport, @Nullable Socket socket, Duration timeout) {
		try {
			if (socket == null) {
				// Nothing to bound the wait with: still say QUIT, within the read
				// timeout.
				transport.close();
			}
			else if (!timeout.isZero() && setTimeout(socket, timeout) != null) {
				transport.close();
			}
		}
		catch (MessagingException ex) {
			// Best effort: the server may already have dropped the connection.
		}
		finally {
			abort(socket);
		}
	}

	/**
	 * Run a reset exchange with the given read timeout; when it fails, close the socket
	 * at once, so that the {@code QUIT} Angus sends next fails at once as well instead of
	 * waiting a read timeout of its own.
	 * @param socket the transport's socket
	 * @param timeout the longest wait for the reply
	 * @param exchange the exchange
	 * @throws MessagingException if the exchange failed
	 */
	static void reset(Socket socket, Duration timeout, Exchange exchange) throws MessagingException {
		Integer previous = setTimeout(socket, timeout);
		try {
			exchange.run();
		}
		catch (MessagingException | RuntimeException ex) {
			abort(socket);
			throw ex;
		}
		finally {
			if (previous != null) {
				restoreTimeout(socket, previous);
			}
		}
	}

	static void abort(@Nullable Socket socket) {
		if (socket == null) {
			return;
		}
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to release.
		}
	}

	private static @Nullable Integer setTimeout(Socket socket, Duration timeout) {
		try {
			int previous = socket.getSoTimeout();
			// Zero would mean no limit at all.
			socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
			return previous;
		}
		catch (SocketException ex) {
			// Already closed.
			return null;
		}
	}

	private static void restoreTimeout(Socket socket, int previous) {
		try {
			if (!socket.isClosed()) {
				socket.setSoTimeout(previous);
			}
		}
		catch (SocketException ex) {
			// Closed meanwhile: nothing to restore.
		}
	}

	/**
	 * One command and its reply.
	 */
	@FunctionalInterface
	interface Exchange {

		void run() throws MessagingException;

	}

}
