package io.github.mailtls.testsupport;

import java.io.IOException;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Answers {@code DATA} with a permanent failure before any content, as a server whose
 * policy rejects the transaction as a whole does.
 *
 * @author mail-tls
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
