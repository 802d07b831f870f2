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

import java.time.Duration;

import jakarta.mail.MessagingException;

import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * A new connection for every send, closed with QUIT when the send ends.
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
