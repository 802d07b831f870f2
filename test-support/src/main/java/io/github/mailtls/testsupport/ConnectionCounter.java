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
package io.github.mailtls.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Counts the sessions that a {@link SmtpTestServer} accepted.
 */
final class ConnectionCounter implements SessionHandler {

	private final AtomicInteger count = new AtomicInteger();

	@Override
	public SessionAcceptance accept(Session session) {
		this.count.incrementAndGet();
		return SessionAcceptance.success();
	}

	@Override
	public void onSessionEnd(Session session) {
	}

	int count() {
		return this.count.get();
	}

}
