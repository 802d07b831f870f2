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

import jakarta.mail.MessagingException;

import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * Where a send gets its connection from: a new one per send, or a pool.
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
