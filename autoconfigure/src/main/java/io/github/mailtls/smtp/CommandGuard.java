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
package io.github.mailtls.smtp;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;

/**
 * Which SMTP commands may leave over a plaintext connection. Only those that lead to TLS
 * or end the session carry nothing worth protecting; any other could carry credentials,
 * addresses or content, so the transport asks here before writing it without TLS.
 */
final class CommandGuard {

	private static final Set<String> ALLOWED_BEFORE_TLS = Set.of("EHLO", "HELO", "STARTTLS", "QUIT", "RSET", "NOOP");

	private CommandGuard() {
	}

	/**
	 * Return the verb of a command line, in upper case.
	 * @param command the command line
	 * @return its first word
	 */
	static String verbOf(String command) {
		int space = command.indexOf(' ');
		return ((space < 0) ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
	}

	/**
	 * Return whether a command may go out without TLS whatever the policy says.
	 * @param verb the command's verb
	 * @return whether it is harmless in plaintext
	 */
	static boolean allowedBeforeTls(String verb) {
		return ALLOWED_BEFORE_TLS.contains(verb);
	}

	/**
	 * Return why a command that is not {@linkplain #allowedBeforeTls allowed before TLS}
	 * must not go out over a plaintext connection.
	 * @param verb the command's verb
	 * @param policy the session's policy
	 * @param tokenAuthentication whether the session authenticates with OAuth2 tokens
	 * @return the refusal, or {@code null} when the policy lets the command go
	 */
	static @Nullable Refusal refusalBeforeTls(String verb, TlsPolicy policy, boolean tokenAuthentication) {
		if (policy.mode().requiresTls()) {
			return new Refusal(RefusalReason.PLAINTEXT_REFUSED,
					"'%s' would have been sent without TLS. Nothing was sent.".formatted(verb));
		}
		if ("AUTH".equals(verb) && tokenAuthentication) {
			return new Refusal(RefusalReason.PLAINTEXT_REFUSED,
					"an OAuth2 access token would have been sent without TLS. Nothing was sent.");
		}
		if ("AUTH".equals(verb) && !policy.allowPlaintextAuth()) {
			return new Refusal(RefusalReason.PLAINTEXT_REFUSED, "credentials would have been sent without TLS. "
					+ "Set mail.tls.allow-plaintext-auth=true only if you accept that risk.");
		}
		return null;
	}

}
