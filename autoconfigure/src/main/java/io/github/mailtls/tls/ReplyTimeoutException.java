package io.github.mailtls.tls;

import java.net.SocketTimeoutException;

/**
 * Thrown when an SMTP server does not complete a reply within the read timeout, counted
 * for the whole reply rather than for each read, so that a server dripping its reply
 * cannot hold the client forever. The connection has been closed when this is thrown.
 *
 * @author mail-tls
 */
public final class ReplyTimeoutException extends SocketTimeoutException {

	private static final long serialVersionUID = 1L;

	private final int timeoutMillis;

	ReplyTimeoutException(String location, int timeoutMillis) {
		super(("The SMTP server at %s did not complete its reply within %d ms (mail.tls.timeouts.read); the "
				+ "connection was closed and nothing more was sent.")
			.formatted(location, timeoutMillis));
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Return the read timeout that the reply exceeded.
	 * @return the timeout in milliseconds
	 */
	public int timeoutMillis() {
		return this.timeoutMillis;
	}

}
