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

import java.time.Instant;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.smtp.EnforcingSmtpTransport;

/**
 * Connects, negotiates TLS under the policy and sends EHLO, then QUIT: no authentication
 * and no message, so a health check never uses the credentials.
 */
final class TlsProbe {

	private TlsProbe() {
	}

	static TlsProbeResult probe(Session senderSession, String host, int port, TlsPolicy policy) {
		Instant started = Instant.now();
		long startedNanos = System.nanoTime();
		Properties properties = new Properties();
		properties.putAll(senderSession.getProperties());
		properties.put("mail.smtp.auth", "false");
		EnforcingSmtpTransport transport = new EnforcingSmtpTransport(Session.getInstance(properties), null);
		try {
			transport.connect(host, port, null, null);
			if (policy.requireTlsExtension() && !transport.supportsExtension("REQUIRETLS")) {
				MailTlsPolicyException refusal = new MailTlsPolicyException(RefusalReason.REQUIRETLS_NOT_OFFERED, host,
						port, policy.mode(), "the server does not advertise REQUIRETLS (RFC 8689) after TLS.");
				return new TlsProbeResult(UseRecords.of(transport.facts(), false, false, SendOutcome.REFUSED,
						refusal.getReason(), 0, started, startedNanos), refusal.getMessage());
			}
			return new TlsProbeResult(
					UseRecords.of(transport.facts(), false, false, SendOutcome.SUCCESS, null, 0, started, startedNanos),
					null);
		}
		catch (MessagingException ex) {
			MailTlsPolicyException refusal = MailTlsPolicyException.findIn(ex);
			SendOutcome outcome = (refusal != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE;
			RefusalReason reason = (refusal != null) ? refusal.getReason() : null;
			return new TlsProbeResult(
					UseRecords.of(transport.facts(), false, false, outcome, reason, 0, started, startedNanos),
					ex.getMessage());
		}
		finally {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// The probe has its answer; a failed QUIT changes nothing.
			}
		}
	}

}
