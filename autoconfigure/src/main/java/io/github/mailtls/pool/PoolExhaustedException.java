package io.github.mailtls.pool;

import jakarta.mail.MessagingException;

/**
 * No pooled connection became free within the wait limit.
 *
 * @author mail-tls
 */
public final class PoolExhaustedException extends MessagingException {

	PoolExhaustedException(String message) {
		super(message);
	}

}
