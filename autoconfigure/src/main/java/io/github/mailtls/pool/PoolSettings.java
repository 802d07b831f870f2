package io.github.mailtls.pool;

import java.time.Duration;

/**
 * Limits of a {@link TransportPool}.
 *
 * @param maxConnections the most connections open at once, busy or idle
 * @param maxMessagesPerConnection after how many messages a connection is closed
 * @param idleTimeout how long an idle connection is kept
 * @param maxConnectionAge how long a connection is used at most, however busy
 * @param maxWait how long a send waits for a connection, validation of an idle one
 * included (opening a new one comes on top)
 * @param validationTimeout how long the check of an idle connection, the reset and check
 * of a connection after a failed message, and the {@code QUIT} of a closing one wait for
 * the server's reply
 * @param aliveBypassWindow how recently a connection must have worked to be reused
 * without a check
 * @author mail-tls
 */
public record PoolSettings(int maxConnections, int maxMessagesPerConnection, Duration idleTimeout,
		Duration maxConnectionAge, Duration maxWait, Duration validationTimeout, Duration aliveBypassWindow) {

	private static final Duration LONGEST_DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * Return the validation timeout used when none is configured: 2 seconds, or half the
	 * read timeout when that is shorter, so that a check always ends well before a read
	 * would have.
	 * @param readTimeout the session's read timeout
	 * @return the validation timeout
	 */
	public static Duration defaultValidationTimeout(Duration readTimeout) {
		Duration half = readTimeout.dividedBy(2);
		return (half.compareTo(LONGEST_DEFAULT_VALIDATION_TIMEOUT) < 0) ? half : LONGEST_DEFAULT_VALIDATION_TIMEOUT;
	}

}
