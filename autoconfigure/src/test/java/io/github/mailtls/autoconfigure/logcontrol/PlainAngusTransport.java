package io.github.mailtls.autoconfigure.logcontrol;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An Angus transport without the sink, in a package under {@code io.github.mailtls}: what
 * Angus logs through it shows that a test's captured output would contain a leak.
 *
 * @author mail-tls
 */
public final class PlainAngusTransport extends SMTPTransport {

	/**
	 * Create a transport for the session.
	 * @param session the session
	 */
	public PlainAngusTransport(Session session) {
		super(session, new URLName("smtp", null, -1, null, null, null));
	}

}
