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
		return !this.released && this.connection.transport().isConnected();
	}

	@Override
	public synchronized void close() {
		if (!this.released) {
			this.released = true;
			this.pool.release(this.connection, this.reusable);
		}
	}

}
