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
package io.github.mailtls.autoconfigure;

import io.github.mailtls.sender.TlsProbeResult;

/**
 * Thrown at startup when {@code mail.tls.verify-on-startup} is set and the mail server
 * does not meet the TLS policy.
 *
 * @since 0.1.0
 */
public class MailServerVerificationException extends RuntimeException {

	private final TlsProbeResult result;

	MailServerVerificationException(TlsProbeResult result) {
		super("Mail server %s:%d did not pass TLS verification at startup (%s): %s"
			.formatted(result.connection().host(), result.connection().port(), describe(result), result.error()));
		this.result = result;
	}

	private static String describe(TlsProbeResult result) {
		return (result.connection().reason() != null) ? "reason " + result.connection().reason().value()
				: "connection failed";
	}

	/**
	 * Return the result of the failed probe.
	 * @return the probe result
	 */
	public TlsProbeResult getResult() {
		return this.result;
	}

}
