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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the health, {@code mailtls} and Prometheus endpoints of a running web application
 * whose sender is configured by properties only and talks to a real STARTTLS server.
 */
@SpringBootTest(classes = MailTlsActuatorHttpTests.MailApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,mailtls,prometheus",
				"management.endpoint.health.show-details=always",
				"management.endpoint.health.group.outbound.include=mail", "mail.tls.endpoint.recent-sends=5",
				// Spring Security is on the test class path for the OAuth2 tests'
				// authorization
				// server; this application has no web security.
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
class MailTlsActuatorHttpTests {

	private static final String USERNAME = "relay-account-7431";

	private static final String PASSWORD = "Pa55-never-shown-7431";

	private static final SmtpTestServer server = SmtpTestServer.builder()
		.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
		.auth(USERNAME, PASSWORD)
		.start();

	@LocalServerPort
	private int port;

	@Autowired
	private JavaMailSender sender;

	@DynamicPropertySource
	static void mailProperties(DynamicPropertyRegistry registry) {
		for (String property : MailTlsFixtures.senderProperties(server.port(), "spring.mail.username=" + USERNAME,
				"spring.mail.password=" + PASSWORD)) {
			String[] keyAndValue = property.split("=", 2);
			registry.add(keyAndValue[0], () -> keyAndValue[1]);
		}
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void healthShouldShowTheTlsAwareMailComponent() {
		this.sender.send(MailTlsFixtures.message());
		byte[] body = client().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.mail.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mail.details.location")
			.isEqualTo("localhost:" + server.port())
			.jsonPath("$.components.mail.details.mode")
			.isEqualTo("starttls")
			.jsonPath("$.components.mail.details.protocol")
			.isEqualTo("TLSv1.3")
			.jsonPath("$.components.mail.details.cipherSuite")
			.isNotEmpty()
			.jsonPath("$.components.mail.details.certificate.subject")
			.isEqualTo(MailTlsFixtures.LOCALHOST.certificate().getSubjectX500Principal().getName())
			.jsonPath("$.components.mail.details.certificate.daysLeft")
			.isNumber()
			.jsonPath("$.components.mail.details.certificateExpiring")
			.isEqualTo(false)
			.jsonPath("$.components.mail.details.checkedAt")
			.isNotEmpty()
			.jsonPath("$.components.mail.details.lastSend.outcome")
			.isEqualTo("success")
			.returnResult()
			.getResponseBodyContent();
		assertNoSecretsOrPersonalData(new String(body));
	}

	@Test
	void healthGroupIncludingMailShouldKeepWorking() {
		client().get()
			.uri("/actuator/health/outbound")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mail.details.protocol")
			.isEqualTo("TLSv1.3");
	}

	@Test
	void mailTlsEndpointShouldShowPolicyAndRecentSends() {
		this.sender.send(MailTlsFixtures.message());
		byte[] body = client().get()
			.uri("/actuator/mailtls")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.host")
			.isEqualTo("localhost")
			.jsonPath("$.port")
			.isEqualTo(server.port())
			.jsonPath("$.policy.mode")
			.isEqualTo("starttls")
			.jsonPath("$.policy.protocols[0]")
			.isEqualTo("TLSv1.3")
			.jsonPath("$.policy.verifyHostname")
			.isEqualTo(true)
			.jsonPath("$.policy.trustSource")
			.isEqualTo("SSL bundle 'test'")
			.jsonPath("$.policy.timeouts.connect")
			.isEqualTo("PT2S")
			.jsonPath("$.recentSends[0].outcome")
			.isEqualTo("success")
			.jsonPath("$.recentSends[0].mode")
			.isEqualTo("starttls")
			.jsonPath("$.recentSends[0].protocol")
			.isEqualTo("TLSv1.3")
			.jsonPath("$.recentSends[0].certificate.spkiSha256")
			.isEqualTo(MailTlsFixtures.LOCALHOST.spkiSha256Pin())
			.returnResult()
			.getResponseBodyContent();
		assertNoSecretsOrPersonalData(new String(body));
	}

	@Test
	void prometheusShouldShowSendTimerAndCertificateExpiry() {
		this.sender.send(MailTlsFixtures.message());
		byte[] body = client().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		assertThat(new String(body))
			.containsPattern("mail_send_seconds_count\\{error=\"none\",outcome=\"success\","
					+ "server_address=\"localhost\",tls_mode=\"starttls\",tls_protocol=\"TLSv1.3\"} [1-9]")
			.contains("# TYPE mail_tls_certificate_expiry_seconds gauge")
			.containsPattern("mail_tls_certificate_expiry_seconds\\{server_address=\"localhost\"} 3\\.\\d+E7")
			.doesNotContain(MailTlsFixtures.SUBJECT)
			.doesNotContain("@example.org");
	}

	private RestTestClient client() {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	private static void assertNoSecretsOrPersonalData(String body) {
		assertThat(body).doesNotContain(PASSWORD)
			.doesNotContain(USERNAME)
			.doesNotContain(MailTlsFixtures.SUBJECT)
			.doesNotContain(MailTlsFixtures.FROM)
			.doesNotContain(MailTlsFixtures.TO);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MailApplication {

	}

}
