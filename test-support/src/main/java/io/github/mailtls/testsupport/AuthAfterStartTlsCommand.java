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

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * Rejects {@code AUTH} while {@link AuthVisibility} does not permit it, so that a client
 * that sends credentials anyway is refused rather than silently authenticated.
 */
final class AuthAfterStartTlsCommand implements Command {

	private final Command auth;

	private final AuthVisibility authVisibility;

	AuthAfterStartTlsCommand(Command auth, AuthVisibility authVisibility) {
		this.auth = auth;
		this.authVisibility = authVisibility;
	}

	@Override
	public void execute(String commandString, Session session) throws IOException, DropConnectionException {
		if (this.authVisibility.isPermitted(session)) {
			this.auth.execute(commandString, session);
		}
		else {
			session.sendResponse("530 5.7.0 Must issue a STARTTLS command first");
		}
	}

	@Override
	public HelpMessage getHelp() throws CommandException {
		return this.auth.getHelp();
	}

	@Override
	public String getName() {
		return this.auth.getName();
	}

}
