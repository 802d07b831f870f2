package io.github.mailtls.record;

import java.util.Locale;

/**
 * How a connection was protected in practice (the {@code tls.mode} tag).
 *
 * @author mail-tls
 */
public enum TransportSecurity {

	/**
	 * TLS from the first byte.
	 */
	IMPLICIT,

	/**
	 * Upgraded to TLS with STARTTLS.
	 */
	STARTTLS,

	/**
	 * Plaintext.
	 */
	NONE;

	/**
	 * The public tag value, for example {@code implicit}.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
