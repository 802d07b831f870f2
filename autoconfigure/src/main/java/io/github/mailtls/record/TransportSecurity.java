package io.github.mailtls.record;

import java.util.Locale;

import io.github.mailtls.policy.TlsMode;

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
	 * Return the protection a policy mode demands (plaintext for the modes that allow
	 * it).
	 * @param mode the effective mode
	 * @return the protection
	 */
	public static TransportSecurity of(TlsMode mode) {
		return switch (mode) {
			case IMPLICIT -> IMPLICIT;
			case STARTTLS, AUTO -> STARTTLS;
			case OPPORTUNISTIC, NONE -> NONE;
		};
	}

	/**
	 * The public tag value, for example {@code implicit}.
	 * @return the value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
