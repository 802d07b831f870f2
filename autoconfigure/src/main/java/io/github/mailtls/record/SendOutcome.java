package io.github.mailtls.record;

import java.util.Locale;

/**
 * The outcome of one send, as reported in records, metrics and health.
 *
 * @author mail-tls
 */
public enum SendOutcome {

	/**
	 * Every message was accepted by the server.
	 */
	SUCCESS,

	/**
	 * The TLS policy refused the connection before anything was sent over it.
	 */
	REFUSED,

	/**
	 * The send failed for another reason (network, authentication, rejected message).
	 */
	FAILURE;

	/**
	 * The public tag value, for example {@code success}.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
