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
package io.github.mailtls.tls;

import io.github.mailtls.policy.RefusalReason;

/**
 * Why the JSSE side refused a server: thrown by the post-handshake check, or carried as
 * the cause of the {@code CertificateException} that aborts a handshake. It knows the
 * reason and what to change but not the SMTP connection; the transport turns it into a
 * {@link io.github.mailtls.policy.MailTlsPolicyException} naming host, port and mode.
 *
 * @since 0.1.0
 */
public final class TlsRefusal extends RuntimeException {

	private final RefusalReason reason;

	TlsRefusal(RefusalReason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	/**
	 * Return why the server was refused.
	 * @return the reason
	 */
	public RefusalReason getReason() {
		return this.reason;
	}

	/**
	 * Return what happened and what to change.
	 * @return the detail
	 */
	public String getDetail() {
		return String.valueOf(getMessage());
	}

}
