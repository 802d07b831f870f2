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
import java.util.function.Consumer;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * Records the command line before the wrapped command, and any TLS or authentication
 * check around it, runs.
 */
final class RecordingCommand implements Command {

	private final Command command;

	private final Consumer<String> commandLines;

	RecordingCommand(Command command, Consumer<String> commandLines) {
		this.command = command;
		this.commandLines = commandLines;
	}

	@Override
	public void execute(String commandString, Session session) throws IOException, DropConnectionException {
		this.commandLines.accept(commandString);
		this.command.execute(commandString, session);
	}

	@Override
	public HelpMessage getHelp() throws CommandException {
		return this.command.getHelp();
	}

	@Override
	public String getName() {
		return this.command.getName();
	}

}
