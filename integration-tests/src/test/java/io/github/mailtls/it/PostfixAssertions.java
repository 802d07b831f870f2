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
package io.github.mailtls.it;

import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.it.PostfixContainer.TlsConnection;
import io.github.mailtls.record.TlsSendRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares what the sender recorded with what Postfix itself logged.
 */
final class PostfixAssertions {

	private PostfixAssertions() {
	}

	/**
	 * Assert that the sender recorded the protocol and cipher suite Postfix logged for
	 * the connection (OpenSSL cipher names translated to the JSSE ones).
	 * @param record what the sender recorded
	 * @param logged what Postfix logged
	 */
	static void assertSameTls(TlsSendRecord record, TlsConnection logged) {
		assertThat(record.protocol()).as("protocol; Postfix logged: %s", logged.line()).isEqualTo(logged.protocol());
		assertThat(record.cipherSuite()).as("cipher suite; Postfix logged: %s", logged.line())
			.isEqualTo(logged.javaCipherSuite());
	}

	/**
	 * Assert that Postfix saw neither credentials nor a message in the session: no
	 * {@code AUTH}, {@code MAIL FROM}, {@code RCPT TO}, {@code DATA} or {@code BDAT}.
	 * @param session the session summary
	 */
	static void assertNothingSubmitted(SmtpSession session) {
		assertThat(session.commands()).as(session.line()).doesNotContainKeys("auth", "mail", "rcpt", "data", "bdat");
	}

}
