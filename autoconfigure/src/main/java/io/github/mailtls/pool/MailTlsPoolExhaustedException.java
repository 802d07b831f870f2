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
package io.github.mailtls.pool;

import java.util.Map;

import org.springframework.mail.MailSendException;

/**
 * Thrown when a send gave up waiting for a pooled connection because all of them stayed
 * busy: the sign of more concurrent sends than {@code mail.tls.pool.max-connections}
 * serves. Like every failed send it names every unsent message; its class name is the
 * {@code error} tag of the {@code mail.send} timer, so dashboards can tell it apart.
 *
 * @since 0.1.0
 */
public class MailTlsPoolExhaustedException extends MailSendException {

	/**
	 * Create a new instance.
	 * @param message what happened and what to change
	 * @param cause the pool's failure
	 * @param failedMessages every unsent message, with its failure
	 */
	public MailTlsPoolExhaustedException(String message, Throwable cause, Map<Object, Exception> failedMessages) {
		super(message, cause, failedMessages);
	}

}
