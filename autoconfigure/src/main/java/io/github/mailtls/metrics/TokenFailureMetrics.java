/*
 * Copyright 2025-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.mailtls.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.github.mailtls.oauth2.AuthenticationProblems;

/**
 * Counts failures to authenticate with an OAuth2 access token as
 * {@code mail.tls.auth.token.failures}, tagged with their low-cardinality {@code reason}.
 *
 * @since 0.1.0
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
