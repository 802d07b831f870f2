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

import io.github.mailtls.smtp.ConnectionFacts;

/**
 * A physical connection that could not be opened, with what it had established when it
 * failed, so that the failed attempt is recorded like any other connection use.
 */
final class ConnectFailure extends MessagingException {

	private final transient ConnectionFacts facts;

	private final MessagingException failure;

	ConnectFailure(ConnectionFacts facts, MessagingException failure) {
		super(failure.getMessage(), failure);
		this.facts = facts;
		this.failure = failure;
	}

	ConnectionFacts facts() {
		return this.facts;
	}

	MessagingException failure() {
		return this.failure;
	}

}
