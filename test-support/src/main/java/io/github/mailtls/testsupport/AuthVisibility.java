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
package io.github.mailtls.testsupport;

import javax.net.ssl.SSLSocket;

import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * Decides whether a session may see and use {@code AUTH}, in the way of Postfix's
 * {@code smtpd_tls_auth_only}.
 */
final class AuthVisibility {

	private final boolean beforeStartTls;

	private final boolean tlsOnly;

	AuthVisibility(boolean beforeStartTls, boolean tlsOnly) {
		this.beforeStartTls = beforeStartTls;
		this.tlsOnly = tlsOnly;
	}

	boolean isVisible(Session session) {
		return session.getServer().getAuthenticationHandlerFactory().isPresent() && isPermitted(session);
	}

	boolean isPermitted(Session session) {
		if (this.tlsOnly) {
			return session.isTLSStarted() || session.getSocket() instanceof SSLSocket;
		}
		// Without STARTTLS on offer, hiding AUTH would make it unusable.
		return this.beforeStartTls || session.isTLSStarted() || !offersStartTls(session.getServer());
	}

	static boolean offersStartTls(SMTPServer server) {
		return server.getEnableTLS() && !server.getHideTLS();
	}

}
