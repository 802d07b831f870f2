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
package io.github.mailtls.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;

/**
 * Observation context of one send: the server it goes to and, once it has ended, its TLS
 * record. Carries no message content, subjects or addresses.
 *
 * @since 0.1.0
 */
public class MailTlsSendContext extends Observation.Context {

	private final String host;

	private final int port;

	private final int messageCount;

	private final TransportSecurity expectedSecurity;

	private @Nullable TlsSendRecord record;

	private @Nullable SendOutcome outcome;

	/**
	 * Create a new context.
	 * @param host the server host
	 * @param port the server port
	 * @param messageCount how many messages the send carries
	 * @param expectedSecurity the protection the policy asks for, reported while the send
	 * is still running
	 */
	public MailTlsSendContext(String host, int port, int messageCount, TransportSecurity expectedSecurity) {
		this.host = host;
		this.port = port;
		this.messageCount = messageCount;
		this.expectedSecurity = expectedSecurity;
	}

	public String getHost() {
		return this.host;
	}

	public int getPort() {
		return this.port;
	}

	public int getMessageCount() {
		return this.messageCount;
	}

	public TransportSecurity getExpectedSecurity() {
		return this.expectedSecurity;
	}

	/**
	 * Return the TLS record of the last connection the send used.
	 * @return the record or {@code null} while the send has not used a connection yet
	 */
	public @Nullable TlsSendRecord getRecord() {
		return this.record;
	}

	public void setRecord(@Nullable TlsSendRecord record) {
		this.record = record;
	}

	/**
	 * Return how the whole send ended.
	 * @return the outcome, {@code null} while the send is running
	 */
	public @Nullable SendOutcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(@Nullable SendOutcome outcome) {
		this.outcome = outcome;
	}

}
