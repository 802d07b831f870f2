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
package io.github.mailtls.sender;

import java.net.SocketTimeoutException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;

/**
 * Turns what Angus Mail and JSSE report when a connection fails into a refusal reason or
 * an explanation that names the fix, including the two port/mode mismatches.
 */
final class ConnectionFailureExplainer {

	private ConnectionFailureExplainer() {
	}

	static MessagingException explain(MessagingException failure, ConnectionAttempt attempt, int lastReturnCode,
			@Nullable String lastServerResponse) {
		if (failure instanceof ExplainedConnectionFailure) {
			return failure;
		}
		MailTlsPolicyException refusal = MailTlsPolicyException.findIn(failure);
		if (refusal != null) {
			return new ExplainedConnectionFailure(refusal.getMessage(), failure);
		}
		refusal = classify(failure, attempt, lastReturnCode, lastServerResponse);
		if (refusal != null) {
			refusal.initCause(failure);
			return new ExplainedConnectionFailure(refusal.getMessage(), refusal);
		}
		if (!attempt.isGreeted() && find(failure, SocketTimeoutException.class) != null
				&& attempt.mode() != TlsMode.IMPLICIT) {
			return new ExplainedConnectionFailure(("%s sent no SMTP greeting within the read timeout: it probably "
					+ "expects implicit TLS from the first byte. Use mail.tls.mode=implicit (or auto with port 465), "
					+ "or connect to the server's STARTTLS port (587).")
				.formatted(attempt.location()), failure);
		}
		return failure;
	}

	private static @Nullable MailTlsPolicyException classify(MessagingException failure, ConnectionAttempt attempt,
			int lastReturnCode, @Nullable String lastServerResponse) {
		SSLException tlsFailure = find(failure, SSLException.class);
		if (tlsFailure != null) {
			String message = String.valueOf(tlsFailure.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("plaintext connection") || message.contains("unrecognized ssl message")) {
				return attempt.refusal(RefusalReason.PLAINTEXT_REFUSED,
						("%s answered in plaintext, not TLS: it expects STARTTLS (or plain SMTP) on this port. "
								+ "Use mail.tls.mode=starttls, or port 465 for implicit TLS.")
							.formatted(attempt.location()));
			}
			if (message.contains("protocol_version") || message.contains("no appropriate protocol")
					|| message.contains("handshake_failure") || message.contains("insufficient_security")
					|| message.contains("cipher suites in common")) {
				return attempt.refusal(RefusalReason.PROTOCOL_NOT_ALLOWED,
						("no TLS protocol and cipher suite allowed by mail.tls.protocols and mail.tls.cipher-suites "
								+ "is supported by the server (%s). Upgrade the server, or allow what it supports "
								+ "(TLSv1.2 is the oldest version mail-tls accepts).")
							.formatted(tlsFailure.getMessage()));
			}
			if (attempt.isStartTlsIssued()) {
				return attempt.refusal(RefusalReason.STARTTLS_FAILED,
						"the TLS handshake after STARTTLS failed (%s).".formatted(tlsFailure.getMessage()));
			}
			return null;
		}
		if (attempt.isStartTlsIssued() && !attempt.isTlsEstablished() && lastReturnCode != 220) {
			return attempt.refusal(RefusalReason.STARTTLS_FAILED,
					"the server answered STARTTLS with '%s', so nothing was sent. Check the server's TLS set-up."
						.formatted(String.valueOf(lastServerResponse).trim()));
		}
		return null;
	}

	private static <T extends Throwable> @Nullable T find(Throwable throwable, Class<T> type) {
		Throwable candidate = throwable;
		for (int depth = 0; candidate != null && depth < 32; depth++) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

}
