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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;

/**
 * What a server announced in its EHLO reply before TLS, judged against the policy before
 * STARTTLS, AUTH or MAIL FROM can follow: this is where a deleted STARTTLS advertisement
 * (STRIPTLS) or credentials about to go out in plaintext are caught.
 *
 * @param host the host the transport connected to
 * @param port the port the transport connected to
 * @param startTlsOffered whether the reply was extended and advertised STARTTLS
 * @param authOffered whether the reply advertised AUTH
 */
record PlaintextEhlo(String host, int port, boolean startTlsOffered, boolean authOffered) {

	// Under the transport's name, where the downgrade warning has always been logged.
	private static final Log logger = LogFactory.getLog(EnforcingSmtpTransport.class);

	/**
	 * Return what the connection's last EHLO, sent in plaintext, announced.
	 * @param connection the connection
	 * @param host the host it is connected to
	 * @param port the port it is connected to
	 * @param extended whether the server answered EHLO rather than only HELO
	 * @return the announcement
	 */
	static PlaintextEhlo of(SMTPTransport connection, String host, int port, boolean extended) {
		boolean authOffered = connection.supportsExtension("AUTH") || connection.supportsExtension("AUTH=LOGIN");
		return new PlaintextEhlo(host, port, extended && connection.supportsExtension("STARTTLS"), authOffered);
	}

	/**
	 * Remember a STARTTLS advertisement for later connections, and return why the session
	 * must not go on.
	 * @param enforcement the session's enforcement
	 * @param authentication how the connection authenticates
	 * @return the refusal, or {@code null} when the session may go on
	 */
	@Nullable Refusal check(TransportEnforcement enforcement, AuthenticationAttempt authentication) {
		TlsMode mode = enforcement.policy().mode();
		// One key for every spelling of the host, so that case or a trailing dot cannot
		// evade the memory.
		ServerKey server = ServerKey.of(this.host, this.port);
		if (this.startTlsOffered) {
			enforcement.startTlsMemory().rememberOffered(server);
		}
		else if (mode != TlsMode.NONE && enforcement.startTlsMemory().offeredBefore(server)) {
			logger.warn(("Possible STARTTLS downgrade attack: %s advertised STARTTLS before and does not now; "
					+ "refusing to send")
				.formatted(this.host + ":" + this.port));
			return new Refusal(RefusalReason.DOWNGRADE_DETECTED, ("the server advertised STARTTLS on earlier "
					+ "connections and does not now: someone on the path may be deleting it (STRIPTLS). Nothing was "
					+ "sent after EHLO. If the server really stopped offering TLS, fix the server; a restart forgets "
					+ "earlier sessions unless mail.tls.downgrade-memory-file keeps them."));
		}
		if (mode == TlsMode.STARTTLS && !this.startTlsOffered) {
			return new Refusal(RefusalReason.STARTTLS_NOT_OFFERED,
					("the server did not advertise STARTTLS after EHLO, "
							+ "so nothing else was sent (an attacker on the path can delete the advertisement). "
							+ "Enable STARTTLS on the server, or use mail.tls.mode=implicit with port 465 if it offers "
							+ "implicit TLS."));
		}
		boolean staysPlaintext = mode == TlsMode.NONE || (mode == TlsMode.OPPORTUNISTIC && !this.startTlsOffered);
		if (staysPlaintext && authentication.sendsToken()) {
			// Whether or not AUTH is on offer: the send cannot authenticate without TLS.
			return new Refusal(RefusalReason.PLAINTEXT_REFUSED, ("the session would stay plaintext, and an OAuth2 "
					+ "access token is never sent without TLS, whatever mail.tls.allow-plaintext-auth says. Nothing "
					+ "was sent after EHLO. Use a server that offers TLS; if it did before, someone may be deleting "
					+ "STARTTLS."));
		}
		if (staysPlaintext && authentication.withCredentials() && !enforcement.policy().allowPlaintextAuth()
				&& this.authOffered) {
			return new Refusal(RefusalReason.PLAINTEXT_REFUSED,
					("the session is plaintext and the server asks for AUTH: "
							+ "credentials are never sent in plaintext. Use a server that offers TLS, or set "
							+ "mail.tls.allow-plaintext-auth=true to accept the risk."));
		}
		return null;
	}

}
