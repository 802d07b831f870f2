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
package io.github.mailtls.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample application against its development SMTP server, over enforced
 * STARTTLS with hostname verification.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SampleApplicationTests {

	@Autowired
	private RestTestClient client;

	@Test
	void postMessageSendsOverStartTlsAndReportsTheNegotiatedTls() {
		assertThat(send(uniqueSubject())).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"status": "sent",
					"tls": {"mode": "starttls", "protocol": "TLSv1.3", "peerCertificateVerified": true}}
				""").extractingPath("$.tls.cipherSuite").asString().startsWith("TLS_");
	}

	@Test
	void inboxShowsTheMessageAndTheTlsItArrivedOver() {
		String subject = uniqueSubject();
		assertThat(send(subject)).hasStatusOk();
		assertThat(get("/inbox")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.subject == '%s')]".formatted(subject))
			.asArray()
			.singleElement()
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("to", List.of("someone@example.com"))
			.containsEntry("from", "mail-tls-sample@localhost")
			.containsEntry("tlsProtocol", "TLSv1.3");
	}

	@Test
	void healthShowsMailComponentUpWithTheNegotiatedProtocol() {
		assertThat(get("/actuator/health")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"components": {"mail": {"status": "UP",
						"details": {"mode": "starttls", "protocol": "TLSv1.3", "certificateExpiring": false,
							"certificate": {"subject": "CN=localhost,O=mail-tls sample"}}}}}
					""")
			.extractingPath("$.components.mail.details.certificate.daysLeft")
			.asNumber()
			.satisfies((daysLeft) -> assertThat(daysLeft.intValue()).isBetween(88, 90));
	}

	@Test
	void prometheusShowsSendsWithTlsModeAndProtocolLabels() {
		assertThat(send(uniqueSubject())).hasStatusOk();
		assertThat(get("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.containsPattern("(?m)^mail_send_seconds_count\\{[^}]*outcome=\"success\"[^}]*tls_mode=\"starttls\","
					+ "tls_protocol=\"TLSv1.3\"[^}]*} [1-9]")
			.containsPattern("(?m)^mail_tls_certificate_expiry_seconds\\{[^}]*server_address=\"localhost\"[^}]*} \\d");
	}

	@Test
	void mailTlsEndpointShowsThePolicyAndRecentSends() {
		assertThat(send(uniqueSubject())).hasStatusOk();
		RestTestClientResponse response = get("/actuator/mailtls");
		assertThat(response).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"host": "localhost", "policy": {"configuredMode": "auto", "mode": "starttls", "verifyHostname": true,
					"trustSource": "SSL bundle 'dev-smtp'"}}
				""");
		assertThat(response).bodyJson().extractingPath("$.recentSends[0]").convertTo(Map.class).satisfies((send) -> {
			assertThat(send).containsEntry("mode", "starttls")
				.containsEntry("protocol", "TLSv1.3")
				.containsEntry("outcome", "success")
				.containsEntry("peerCertificateVerified", true)
				.containsEntry("startTlsAdvertised", true);
		});
	}

	@Test
	void postInvalidMessageAnswersBadRequestNamingTheFields() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("to", "not an address", "subject", "", "text", "Hello"))
			.exchange());
		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("to", "subject");
	}

	@Test
	void postMalformedJsonAnswersBadRequest() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"to\": ")
			.exchange());
		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void statusPageIsServedAtTheRoot() {
		assertThat(get("/")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.bodyText()
			.contains("<title>mail-tls · outgoing mail status</title>", "status.js");
	}

	private RestTestClientResponse send(String subject) {
		return RestTestClientResponse.from(this.client.post()
			.uri("/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("to", "someone@example.com", "subject", subject, "text", "Hello over TLS"))
			.exchange());
	}

	private RestTestClientResponse get(String path) {
		return RestTestClientResponse.from(this.client.get().uri(path).exchange());
	}

	private static String uniqueSubject() {
		return "Test " + UUID.randomUUID();
	}

}
