package io.github.mailtls.pool;

import java.time.Duration;

/**
 * A transport whose checks and closing a {@link TransportPool} can bound in time. Without
 * it, the pool falls back to {@link jakarta.mail.Transport#isConnected()} and
 * {@link jakarta.mail.Transport#close()}, which wait as long as the read timeout.
 *
 * @author mail-tls
 */
public interface PoolableTransport {

	/**
	 * Check with the server that the connection still works, waiting at most the given
	 * time for its reply. A connection that fails the check is closed.
	 * @param timeout the longest wait for the reply
	 * @return whether the connection works
	 */
	boolean validate(Duration timeout);

	/**
	 * Say {@code QUIT}, wait at most the given time for the reply, then close the socket
	 * whatever happened.
	 * @param timeout the longest wait for the reply
	 */
	void close(Duration timeout);

	/**
	 * Close the socket at once, without a word to the server and without waiting for a
	 * thread that is using the connection, which then fails.
	 */
	void abort();

}
