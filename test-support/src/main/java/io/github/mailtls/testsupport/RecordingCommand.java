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
 *
 * @author mail-tls
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
