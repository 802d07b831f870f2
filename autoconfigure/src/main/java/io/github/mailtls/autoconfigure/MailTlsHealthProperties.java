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

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the TLS-aware {@code mail} health indicator.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("mail.tls.health")
public class MailTlsHealthProperties {

	/**
	 * How long a probe result is reused. The mail server sees at most one probe
	 * connection per period, whatever the health poll rate.
	 */
	private Duration cacheTtl = Duration.ofSeconds(60);

	/**
	 * Remaining certificate validity below which the health details report the server
	 * certificate as expiring.
	 */
	private Duration certificateExpiryWarning = Duration.ofDays(14);

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public Duration getCertificateExpiryWarning() {
		return this.certificateExpiryWarning;
	}

	public void setCertificateExpiryWarning(Duration certificateExpiryWarning) {
		this.certificateExpiryWarning = certificateExpiryWarning;
	}

}
