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

import java.io.IOException;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Answers {@code DATA} with a permanent failure before any content, as a server whose
 * policy rejects the transaction as a whole does.
 */
final class RejectedDataCommand extends BaseCommand {

	static final String REPLY = "554 5.7.1 Transaction rejected";

	RejectedDataCommand() {
		super("DATA", "The data command");
	}

	@Override
	public void execute(String commandString, Session session) throws IOException {
		session.sendResponse(REPLY);
	}

}
