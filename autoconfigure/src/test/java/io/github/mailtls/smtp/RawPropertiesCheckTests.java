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
package io.github.mailtls.smtp;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Applies each fate of the raw-key table.
 */
class RawPropertiesCheckTests {

	private final Properties enforced = enforced();

	@Test
	void checkWhenKeyPassesThroughShouldAccept() {
		assertThatNoException().isThrownBy(() -> check(Map.of("mail.smtp.localhost", "client.example.org",
				"mail.smtp.auth.mechanisms", "PLAIN", "mail.smtp.quitwait", "false", "mail.mime.allowutf8", "true")));
	}

	@Test
	void checkWhenOwnedKeyRepeatsThePolicyShouldAccept() {
		assertThatNoException().isThrownBy(() -> check(Map.of("mail.smtp.starttls.required", "TRUE",
				"mail.smtps.starttls.required", "true", "mail.smtp.timeout", "30000")));
	}

	@Test
	void checkWhenOwnedKeyDiffersShouldFailNamingTheReplacement() {
		MailTlsConfigurationException ex = failure(Map.of("mail.smtp.timeout", "5000"));
		assertThat(ex)
			.hasMessageContaining("'mail.smtp.timeout' (use mail.tls.timeouts.read, the policy sets '30000')");
		assertThat(ex.getProperty()).isEqualTo("spring.mail.properties");
	}

	@Test
	void checkWhenOwnedKeyIsNotSetByThePolicyShouldFail() {
		assertThat(failure(Map.of("mail.smtps.class", "org.eclipse.angus.mail.smtp.SMTPSSLTransport")))
			.hasMessageContaining("'mail.smtps.class'");
	}

	@Test
	void checkWhenKeyIsRefusedShouldFailWithoutShowingTheValue() {
		MailTlsConfigurationException ex = failure(Map.of("mail.smtp.proxy.password", "hunter2-proxy"));
		assertThat(ex).hasMessageContaining("'mail.smtp.proxy.password'").hasMessageNotContaining("hunter2-proxy");
	}

	@Test
	void checkWhenRefusedKeyHasItsHarmlessValueShouldAccept() {
		assertThatNoException().isThrownBy(() -> check(Map.of("mail.smtp.ehlo", "true", "mail.debug", "false",
				"mail.debug.auth", " false ", "mail.smtp.reportsuccess", "false")));
	}

	@Test
	void checkWhenRefusedKeyHasAnyOtherValueShouldFail() {
		assertThat(failure(Map.of("mail.smtp.ehlo", "false"))).hasMessageContaining("'mail.smtp.ehlo'")
			.hasMessageContaining("STARTTLS");
		assertThat(failure(Map.of("mail.debug.auth", "true"))).hasMessageContaining("Base64");
		assertThat(failure(Map.of("mail.smtps.socks.host", "127.0.0.1"))).hasMessageContaining("proxy");
	}

	@Test
	void checkShouldCompareKeysWithoutCase() {
		assertThat(failure(Map.of("mail.smtp.SSL.Trust", "*"))).hasMessageContaining("'mail.smtp.SSL.Trust'");
	}

	@Test
	void checkWhenUnknownKeyNamesTlsOrSocketsShouldFail() {
		assertThat(failure(Map.of("mail.smtp.ssl.trustall", "true"))).hasMessageContaining("unknown key");
		assertThat(failure(Map.of("mail.smtps.tunnel.proxy", "x"))).hasMessageContaining("unknown key");
	}

	@Test
	void checkWhenUnknownKeyIsUnrelatedShouldAccept() {
		assertThatNoException().isThrownBy(() -> check(Map.of("mail.smtp.frobnicate", "1", "mail.imap.host", "x")));
	}

	@Test
	void checkShouldListEveryConflict() {
		assertThat(failure(Map.of("mail.smtp.ehlo", "false", "mail.smtp.ssl.trust", "*")))
			.hasMessageContaining("'mail.smtp.ehlo'")
			.hasMessageContaining("'mail.smtp.ssl.trust'");
	}

	private void check(Map<String, String> raw) {
		RawPropertiesCheck.check(raw, this.enforced, TlsMode.STARTTLS);
	}

	private MailTlsConfigurationException failure(Map<String, String> raw) {
		return catchThrowableOfType(MailTlsConfigurationException.class, () -> check(raw));
	}

	private static Properties enforced() {
		Properties properties = new Properties();
		properties.put("mail.smtp.starttls.enable", "true");
		properties.put("mail.smtp.starttls.required", "true");
		properties.put("mail.smtp.timeout", "30000");
		return properties;
	}

}
