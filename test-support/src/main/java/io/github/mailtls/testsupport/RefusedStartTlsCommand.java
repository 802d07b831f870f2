package io.github.mailtls.testsupport;

import java.io.IOException;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Answers {@code STARTTLS} with a temporary failure, as a server whose TLS setup is
 * broken does.
 *
 * @author mail-tls
 */
final class RefusedStartTlsCommand extends BaseCommand {

	static final String REPLY = "454 4.7.0 TLS not available";

	RefusedStartTlsCommand() {
		super("STARTTLS", "The starttls command");
	}

	@Override
	public void execute(String commandString, Session session) throws IOException {
		session.sendResponse(REPLY);
	}

}
