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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts real applications with bad configuration and checks the report Spring Boot
 * prints, proving that the failure analyzers are registered.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureReportTests {

	@Test
	void startWithUnknownModeShouldListTheValidModes(CapturedOutput output) {
		assertStartupFails("--mail.tls.mode=startls");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind properties under 'mail.tls.mode'")
			.contains("AUTO")
			.contains("OPPORTUNISTIC");
	}

	@Test
	void startWithMalformedPinShouldExplainThePinFormat(CapturedOutput output) {
		assertStartupFails("--mail.tls.pinned-public-keys=sha1/abc");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid mail TLS configuration 'mail.tls.pinned-public-keys': 'sha1/abc' is not a SHA-256")
			.contains("openssl dgst -sha256");
	}

	@Test
	void startWithWeakeningRawPropertyShouldNameTheReplacement(CapturedOutput output) {
		assertStartupFails("--spring.mail.properties.mail.smtp.ssl.trust=*");
		assertThat(output).contains("'mail.smtp.ssl.trust' (use mail.tls.ssl-bundle")
			.contains("Remove these keys from spring.mail.properties");
	}

	@Test
	void startWithRequireTlsExtensionAndNoneModeShouldFail(CapturedOutput output) {
		assertStartupFails("--mail.tls.mode=none", "--mail.tls.require-tls-extension=true");
		assertThat(output).contains("REQUIRETLS needs TLS on every hop");
	}

	private static void assertStartupFails(String... args) {
		SpringApplication application = new SpringApplication(MailApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] allArgs = new String[args.length + 1];
		allArgs[0] = "--spring.mail.host=smtp.example.com";
		System.arraycopy(args, 0, allArgs, 1, args.length);
		assertThatException().isThrownBy(() -> application.run(allArgs).close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailTlsAutoConfiguration.class, SslAutoConfiguration.class })
	static class MailApplication {

	}

}
