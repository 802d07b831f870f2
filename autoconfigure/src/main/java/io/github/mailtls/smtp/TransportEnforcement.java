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

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;

/**
 * What every {@link EnforcingSmtpTransport} of a session enforces: the policy and the
 * memory of servers that offered STARTTLS. Kept as an object value in the session's
 * properties, so that transports the session creates on its own
 * ({@code Session.getTransport()}, {@code Transport.send(...)}) enforce it too.
 *
 * @param policy the policy
 * @param startTlsMemory the memory of servers that offered STARTTLS
 * @param localHostName the name announced in EHLO
 * @param pipelining whether to pipeline MAIL FROM, RCPT TO and DATA (RFC 2920) once TLS
 * is established and the server advertised {@code PIPELINING} under TLS
 * @since 0.1.0
 */
public record TransportEnforcement(TlsPolicy policy, StartTlsMemory startTlsMemory, LocalHostName localHostName,
		boolean pipelining) {

	/**
	 * The session property under which the enforcement is kept.
	 */
	public static final String PROPERTY = "mail.tls.enforcement";

	MailTlsPolicyException refusal(RefusalReason reason, String host, int port, String detail) {
		return new MailTlsPolicyException(reason, host, port, this.policy.mode(), detail);
	}

}
