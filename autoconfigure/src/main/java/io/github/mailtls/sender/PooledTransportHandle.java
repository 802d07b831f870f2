package io.github.mailtls.sender;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;

import io.github.mailtls.pool.PooledConnection;
import io.github.mailtls.pool.TransportPool;

/**
 * The transport a send sees when connections are pooled: it sends over a borrowed
 * connection and gives it back on {@link #close()}. A connection goes back into the pool
 * only if every error on it was a server reply (after which the session is in a known
 * state); any other error closes it.
 *
 * @author mail-tls
 */
final class PooledTransportHandle extends Transport {

	private final PooledConnection<ConnectionAttempt> connection;

	private final TransportPool<ConnectionAttempt> pool;

	private boolean reusable = true;

	private boolean released;

	PooledTransportHandle(Session session, PooledConnection<ConnectionAttempt> connection,
			TransportPool<ConnectionAttempt> pool) {
		super(session, new URLName("smtp", null, -1, null, null, null));
		this.connection = connection;
		this.pool = pool;
	}

	@Override
	public void sendMessage(Message message, Address[] addresses) throws MessagingException {
		try {
			this.connection.transport().sendMessage(message, addresses);
			this.connection.messageSent();
		}
		catch (SendFailedException ex) {
			// The server refused the message or recipients; Angus has reset the session.
			throw ex;
		}
		catch (MessagingException | RuntimeException ex) {
			this.reusable = false;
			throw ex;
		}
	}

	@Override
	public boolean isConnected() {
		// Spring asks before every message of a batch after the first. After an I/O
		// error the session is in an unknown state: Spring then opens another one.
		return !this.released && this.reusable && this.pool.isAlive(this.connection);
	}

	@Override
	public synchronized void close() {
		if (!this.released) {
			this.released = true;
			this.pool.release(this.connection, this.reusable);
		}
	}

}
