package io.github.mailtls.sender;

import jakarta.mail.MessagingException;

import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * A new connection for every send, closed with QUIT when the send ends.
 *
 * @author mail-tls
 */
final class DirectConnections implements Connections {

	private final Connector connector;

	DirectConnections(Connector connector) {
		this.connector = connector;
	}

	@Override
	public ConnectionUse open() throws ConnectFailure {
		EnforcingSmtpTransport transport = this.connector.connect();
		return new ConnectionUse(transport, transport.facts(), false, (used, messages, worked, reusable) -> {
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
