package io.github.mailtls.sender;

import java.time.Duration;

import jakarta.mail.MessagingException;

import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * A new connection for every send, closed with QUIT when the send ends.
 *
 * @author mail-tls
 */
final class DirectConnections implements Connections {

	private final Connector connector;

	private final Duration checkTimeout;

	/**
	 * Create the connections.
	 * @param connector opens a connection
	 * @param checkTimeout how long the check of a connection after a failed message waits
	 * for the server's reply
	 */
	DirectConnections(Connector connector, Duration checkTimeout) {
		this.connector = connector;
		this.checkTimeout = checkTimeout;
	}

	@Override
	public ConnectionUse open() throws ConnectFailure {
		EnforcingSmtpTransport transport = this.connector.connect();
		return new ConnectionUse(transport, transport.facts(), false, this.checkTimeout,
				(used, messages, reusable, checkFirst) -> {
					try {
						used.close();
						return null;
					}
					catch (MessagingException | RuntimeException ex) {
						return ex;
					}
				});
	}

	@Override
	public void close() {
	}

}
