package io.github.mailtls.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the TLS-aware {@code mail} health indicator.
 *
 * @author mail-tls
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
