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

import java.util.Map;

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
 * Tests for the sample application against a development SMTP server that offers no
 * STARTTLS, as a server behind a STRIPTLS attacker looks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.dev-smtp.start-tls=false")
@AutoConfigureRestTestClient
class RefusedSendTests {

	@Autowired
	private RestTestClient client;

	@Test
	void postMessageAnswersTheRefusalReasonAndDeliversNothing() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("to", "someone@example.com", "subject", "Never delivered", "text", "Secret"))
			.exchange());
		assertThat(response).hasStatus(HttpStatus.BAD_GATEWAY)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"outcome": "refused", "reason": "starttls_not_offered", "host": "localhost", "mode": "starttls"}
					""")
			.extractingPath("$.detail")
			.asString()
			.contains("did not advertise STARTTLS");
		assertThat(get("/inbox")).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(get("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.containsPattern("(?m)^mail_tls_policy_violations_total\\{[^}]*reason=\"starttls_not_offered\"[^}]*} [1-9]")
			.containsPattern("(?m)^mail_send_seconds_count\\{[^}]*outcome=\"refused\"[^}]*tls_mode=\"starttls\","
					+ "tls_protocol=\"none\"[^}]*} [1-9]");
	}

	@Test
	void healthShowsMailComponentDownWithTheReason() {
		assertThat(get("/actuator/health")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyJson().isLenientlyEqualTo("""
				{"status": "DOWN", "components": {"mail": {"status": "DOWN",
					"details": {"mode": "starttls", "reason": "starttls_not_offered"}}}}
				""");
	}

	private RestTestClientResponse get(String path) {
		return RestTestClientResponse.from(this.client.get().uri(path).exchange());
	}

}
