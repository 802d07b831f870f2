package io.github.mailtls.testsupport;

import javax.net.ssl.SSLSocket;

import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * Decides whether a session may see and use {@code AUTH}, in the way of Postfix's
 * {@code smtpd_tls_auth_only}.
 *
 * @author mail-tls
 */
final class AuthVisibility {

	private final boolean beforeStartTls;

	private final boolean tlsOnly;

	AuthVisibility(boolean beforeStartTls, boolean tlsOnly) {
		this.beforeStartTls = beforeStartTls;
		this.tlsOnly = tlsOnly;
	}

	boolean isVisible(Session session) {
		return session.getServer().getAuthenticationHandlerFactory().isPresent() && isPermitted(session);
	}

	boolean isPermitted(Session session) {
		if (this.tlsOnly) {
			return session.isTLSStarted() || session.getSocket() instanceof SSLSocket;
		}
		// Without STARTTLS on offer, hiding AUTH would make it unusable.
		return this.beforeStartTls || session.isTLSStarted() || !offersStartTls(session.getServer());
	}

	static boolean offersStartTls(SMTPServer server) {
		return server.getEnableTLS() && !server.getHideTLS();
	}

}
