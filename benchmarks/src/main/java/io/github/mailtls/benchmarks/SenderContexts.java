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
package io.github.mailtls.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.autoconfigure.MailTlsHealthAutoConfiguration;
import io.github.mailtls.benchmarks.BenchmarkServer.Listener;

/**
 * Application contexts for Boot's sender and mail-tls on either listener, configured by
 * properties only, with the same server, credentials, trust and TLS versions.
 */
final class SenderContexts {

	private SenderContexts() {
	}

	/**
	 * Spring Boot's default sender with STARTTLS required and the same trust and
	 * protocols, as a careful user would configure it.
	 */
	static ConfigurableApplicationContext boot(BenchmarkServer server, String caPem) {
		return boot(server, caPem, Listener.STARTTLS);
	}

	/**
	 * Spring Boot's default sender with STARTTLS required (or implicit TLS) and the same
	 * trust and protocols, as a careful user would configure it.
	 */
	static ConfigurableApplicationContext boot(BenchmarkServer server, String caPem, Listener listener) {
		List<String> tls = (listener == Listener.IMPLICIT) ? List.of("spring.mail.ssl.enabled=true")
				: List.of("spring.mail.properties.mail.smtp.starttls.enable=true",
						"spring.mail.properties.mail.smtp.starttls.required=true");
		List<String> properties = common(server.port(listener), caPem, "spring.mail.ssl.bundle=bench",
				"spring.mail.properties.mail.smtp.auth=true",
				"spring.mail.properties.mail.smtp.ssl.protocols=TLSv1.3 TLSv1.2");
		properties.addAll(tls);
		return run(BootMail.class, properties);
	}

	static ConfigurableApplicationContext mailTls(BenchmarkServer server, String caPem, boolean pooled) {
		return mailTls(server, caPem, pooled, Listener.STARTTLS);
	}

	static ConfigurableApplicationContext mailTls(BenchmarkServer server, String caPem, boolean pooled,
			Listener listener) {
		String mode = (listener == Listener.IMPLICIT) ? "implicit" : "starttls";
		return run(MailTls.class, common(server.port(listener), caPem, "mail.tls.ssl-bundle=bench",
				"mail.tls.mode=" + mode, "mail.tls.pool.enabled=" + pooled));
	}

	static List<String> common(BenchmarkServer server, String caPem, String... extra) {
		return common(server.port(), caPem, extra);
	}

	static List<String> common(int port, String caPem, String... extra) {
		List<String> properties = new ArrayList<>(List.of("spring.mail.host=localhost", "spring.mail.port=" + port,
				"spring.mail.username=" + BenchmarkServer.USERNAME, "spring.mail.password=" + BenchmarkServer.PASSWORD,
				"spring.ssl.bundle.pem.bench.truststore.certificate=" + caPem));
		properties.addAll(List.of(extra));
		return properties;
	}

	static ConfigurableApplicationContext run(Class<?> configuration, List<String> properties) {
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailSenderAutoConfiguration.class, SslAutoConfiguration.class })
	static class BootMail {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailTlsAutoConfiguration.class, MailTlsHealthAutoConfiguration.class,
			MailSenderAutoConfiguration.class, SslAutoConfiguration.class })
	static class MailTls {

	}

}
