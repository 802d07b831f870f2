package io.github.mailtls.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.github.mailtls.oauth2.AuthenticationProblems;

/**
 * Counts failures to authenticate with an OAuth2 access token as
 * {@code mail.tls.auth.token.failures}, tagged with their low-cardinality {@code reason}.
 *
 * @author mail-tls
 */
public final class TokenFailureMetrics {

	/** Name of the counter. */
	public static final String TOKEN_FAILURES = "mail.tls.auth.token.failures";

	/**
	 * Register the counter's listener.
	 * @param registry the registry
	 * @param problems the source of failures
	 */
	public TokenFailureMetrics(MeterRegistry registry, AuthenticationProblems problems) {
		problems.addListener((problem) -> Counter.builder(TOKEN_FAILURES)
			.description("Failures to obtain an OAuth2 access token for mail, or to log in with one")
			.tag("reason", problem.reason())
			.register(registry)
			.increment());
	}

}
