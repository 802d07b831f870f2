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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.sender.TlsProbeResult;

/**
 * Probes the mail server once at startup and fails fast when it does not meet the policy,
 * so a misconfiguration shows up at deployment rather than at the first send.
 */
class MailTlsStartupVerifier implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MailTlsStartupVerifier.class);

	private final TlsEnforcingMailSender sender;

	MailTlsStartupVerifier(TlsEnforcingMailSender sender) {
		this.sender = sender;
	}

	@Override
	public void afterPropertiesSet() {
		TlsProbeResult result = this.sender.probe();
		if (!result.isSuccessful()) {
			throw new MailServerVerificationException(result);
		}
		TlsSendRecord connection = result.connection();
		CertificateSummary certificate = connection.certificate();
		if (certificate == null) {
			// mail.tls.mode=none or opportunistic without STARTTLS: there is no TLS to
			// report.
			logger.info("Verified mail server %s:%d: %s, without TLS".formatted(connection.host(), connection.port(),
					connection.security().value()));
			return;
		}
		logger.info("Verified mail server %s:%d: %s, %s, %s, certificate %s valid until %s".formatted(connection.host(),
				connection.port(), connection.security().value(), connection.protocol(), connection.cipherSuite(),
				certificate.subject(), certificate.notAfter()));
	}

}
