package io.github.mailtls.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the {@code mailtls} Actuator endpoint.
 *
 * @author mail-tls
 */
@ConfigurationProperties("mail.tls.endpoint")
public class MailTlsEndpointProperties {

	/**
	 * Number of most recent per-send TLS records that the endpoint shows.
	 */
	private int recentSends = 20;

	public int getRecentSends() {
		return this.recentSends;
	}

	public void setRecentSends(int recentSends) {
		this.recentSends = recentSends;
	}

}
