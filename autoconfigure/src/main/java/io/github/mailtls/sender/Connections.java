package io.github.mailtls.sender;

import jakarta.mail.MessagingException;

import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * Where a send gets its connection from: a new one per send, or a pool.
 *
 * @author mail-tls
 */
interface Connections extends AutoCloseable {

	/**
	 * Start using a connection.
	 * @return the use
	 * @throws ConnectFailure if a new connection could not be opened
	 * @throws MessagingException if no connection could be had otherwise
	 */
	ConnectionUse open() throws MessagingException;

	@Override
	void close();

	/**
	 * Opens and verifies one physical connection.
	 */
	@FunctionalInterface
	interface Connector {

		/**
		 * Open a connection.
		 * @return the connected transport
		 * @throws ConnectFailure if it could not be opened or was refused
		 */
		EnforcingSmtpTransport connect() throws ConnectFailure;

	}

}
