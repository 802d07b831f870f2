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

import java.net.SocketTimeoutException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.tls.ReplyLimitExceededException;
import io.github.mailtls.tls.ReplyTimeoutException;
import io.github.mailtls.tls.TlsRefusal;

/**
 * Turns what Angus Mail and JSSE report when a connection fails into a refusal reason or
 * an explanation that names the fix, including the two port/mode mismatches. Each
 * explanation is chosen from what the connection had reached (TCP, greeting, STARTTLS,
 * TLS), so its words are true for that failure.
 */
final class ConnectionFailureExplainer {

	private ConnectionFailureExplainer() {
	}

	static MessagingException explain(MessagingException failure, ConnectState state, int lastReturnCode,
			@Nullable String lastServerResponse) {
		if (failure instanceof ExplainedConnectionFailure) {
			return failure;
		}
		MailTlsPolicyException refusal = MailTlsPolicyException.findIn(failure);
		if (refusal != null) {
			return new ExplainedConnectionFailure(refusal.getMessage(), failure);
		}
		TlsRefusal tlsRefusal = Causes.find(failure, TlsRefusal.class);
		refusal = (tlsRefusal != null) ? state.refusal(tlsRefusal.getReason(), tlsRefusal.getDetail())
				: classify(failure, state, lastReturnCode, lastServerResponse);
		if (refusal != null) {
			refusal.initCause(failure);
			return ExplainedConnectionFailure.of(refusal);
		}
		if (Causes.find(failure, MailConnectException.class) != null) {
			return new ExplainedConnectionFailure(("Could not connect to %s within mail.tls.timeouts.connect: check "
					+ "spring.mail.host and spring.mail.port, and that the server is reachable (%s)")
				.formatted(state.location(), rootMessage(failure)), failure);
		}
		ReplyLimitExceededException oversized = Causes.find(failure, ReplyLimitExceededException.class);
		if (oversized != null) {
			return new ExplainedConnectionFailure(String.valueOf(oversized.getMessage()), failure);
		}
		if (!state.greeted() && Causes.find(failure, SocketTimeoutException.class) != null
				&& state.mode() != TlsMode.IMPLICIT) {
			return new ExplainedConnectionFailure(("%s accepted the connection but sent no SMTP greeting (or only "
					+ "part of one) within mail.tls.timeouts.read: it probably expects implicit TLS from the first "
					+ "byte. Use mail.tls.mode=implicit (or auto with port 465), or connect to the server's STARTTLS "
					+ "port (587).")
				.formatted(state.location()), failure);
		}
		ReplyTimeoutException slow = Causes.find(failure, ReplyTimeoutException.class);
		if (slow != null) {
			return new ExplainedConnectionFailure(String.valueOf(slow.getMessage()), failure);
		}
		return failure;
	}

	private static @Nullable MailTlsPolicyException classify(MessagingException failure, ConnectState state,
			int lastReturnCode, @Nullable String lastServerResponse) {
		SSLException tlsFailure = Causes.find(failure, SSLException.class);
		if (tlsFailure != null) {
			String message = String.valueOf(tlsFailure.getMessage()).toLowerCase(Locale.ROOT);
			boolean plaintextAnswer = message.contains("plaintext connection")
					|| message.contains("unrecognized ssl message");
			if (plaintextAnswer && state.startTlsIssued()) {
				return state.refusal(RefusalReason.STARTTLS_FAILED,
						("the server accepted STARTTLS but then answered in plaintext, not TLS, so nothing was sent. "
								+ "Someone on the path may be interfering, or the server's TLS set-up is broken."));
			}
			if (plaintextAnswer) {
				return state.refusal(RefusalReason.PLAINTEXT_REFUSED,
						("%s answered in plaintext, not TLS: it expects STARTTLS (or plain SMTP) on this port. "
								+ "Use mail.tls.mode=starttls, or port 465 for implicit TLS.")
							.formatted(state.location()));
			}
			if (isProtocolMismatch(message)) {
				return state.refusal(RefusalReason.PROTOCOL_NOT_ALLOWED,
						("no TLS protocol and cipher suite allowed by mail.tls.protocols and mail.tls.cipher-suites "
								+ "is supported by the server (%s). Upgrade the server, or allow what it supports "
								+ "(TLSv1.2 is the oldest version mail-tls accepts).")
							.formatted(tlsFailure.getMessage()));
			}
			if (state.startTlsIssued()) {
				return state.refusal(RefusalReason.STARTTLS_FAILED,
						"the TLS handshake after STARTTLS failed (%s).".formatted(tlsFailure.getMessage()));
			}
			return null;
		}
		if (state.startTlsIssued() && !state.tlsEstablished() && lastReturnCode != 220) {
			return state.refusal(RefusalReason.STARTTLS_FAILED,
					"the server answered STARTTLS with '%s', so nothing was sent. Check the server's TLS set-up."
						.formatted(String.valueOf(lastServerResponse).trim()));
		}
		return null;
	}

	private static boolean isProtocolMismatch(String message) {
		return message.contains("protocol_version") || message.contains("protocol version")
				|| message.contains("no appropriate protocol") || message.contains("not accepted by client preferences")
				|| message.contains("handshake_failure") || message.contains("insufficient_security")
				|| message.contains("cipher suites in common");
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/**
	 * How far a connection had come when it failed.
	 *
	 * @param host the server host
	 * @param port the server port
	 * @param mode the effective mode
	 * @param greeted whether the server's greeting was read
	 * @param startTlsIssued whether STARTTLS was sent
	 * @param tlsEstablished whether a TLS handshake was verified
	 */
	record ConnectState(String host, int port, TlsMode mode, boolean greeted, boolean startTlsIssued,
			boolean tlsEstablished) {

		String location() {
			return this.host + ":" + this.port;
		}

		MailTlsPolicyException refusal(RefusalReason reason, String detail) {
			return new MailTlsPolicyException(reason, this.host, this.port, this.mode, detail);
		}

	}

}
