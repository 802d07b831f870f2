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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MailServerVerificationException}: what the startup probe found and
 * what to change.
 */
class MailServerVerificationFailureAnalyzer extends AbstractFailureAnalyzer<MailServerVerificationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MailServerVerificationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the mail server or the spring.mail.* / mail.tls.* settings as described above, "
						+ "or set mail.tls.verify-on-startup=false to start without checking the server.",
				cause);
	}

}
