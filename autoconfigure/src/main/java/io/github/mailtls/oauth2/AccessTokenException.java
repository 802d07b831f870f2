package io.github.mailtls.oauth2;

import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;

/**
 * Thrown when no access token could be obtained for mail. The message names where the
 * token was asked for and why it failed, never a secret; {@link #getReason()} is a
 * low-cardinality value fit for a metric tag.
 *
 * @author mail-tls
 */
public class AccessTokenException extends MailAuthenticationException {

	private final String reason;

	/**
	 * Create a new exception.
	 * @param reason the low-cardinality reason, for example {@code invalid_client}
	 * @param message the explanation, free of secrets
	 * @param cause the cause, or {@code null}
	 */
	public AccessTokenException(String reason, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Return the low-cardinality reason, for example {@code invalid_client} or
	 * {@code endpoint_unreachable}.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
