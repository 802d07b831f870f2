package io.github.mailtls.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Counts the sessions that a {@link SmtpTestServer} accepted.
 *
 * @author mail-tls
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
