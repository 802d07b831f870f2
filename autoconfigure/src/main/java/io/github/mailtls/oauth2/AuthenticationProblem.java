package io.github.mailtls.oauth2;

import java.time.Instant;

/**
 * A failure to authenticate to the mail server with an access token, free of secrets.
 *
 * @param reason the low-cardinality reason, for example {@code invalid_client} or
 * {@code token_rejected}
 * @param message the explanation
 * @param timestamp when it happened
 * @author mail-tls
 */
public record AuthenticationProblem(String reason, String message, Instant timestamp) {

}
