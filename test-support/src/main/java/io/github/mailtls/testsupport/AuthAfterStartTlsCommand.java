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
 *
 * @author mail-tls
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
