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

import java.util.List;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;

/**
 * The cost the auto-configuration adds to context refresh: the same application started
 * alternately with and without mail-tls.
 */
final class StartupCost {

	private final BenchmarkServer server;

	private final String caPem;

	private final int runs;

	StartupCost(BenchmarkServer server, String caPem, int runs) {
		this.server = server;
		this.caPem = caPem;
		this.runs = runs;
	}

	void measureAndPrint() {
		List<String> boot = SenderContexts.common(this.server, this.caPem, "spring.mail.ssl.bundle=bench");
		List<String> mailTls = SenderContexts.common(this.server, this.caPem, "mail.tls.ssl-bundle=bench");
		for (int i = 0; i < 5; i++) {
			time(BootOnly.class, boot);
			time(WithMailTls.class, mailTls);
		}
		double[] without = new double[this.runs];
		double[] with = new double[this.runs];
		for (int i = 0; i < this.runs; i++) {
			without[i] = time(BootOnly.class, boot);
			with[i] = time(WithMailTls.class, mailTls);
		}
		double withoutMedian = Medians.of(without);
		double withMedian = Medians.of(with);
		System.out.printf("context refresh, median of %d: without mail-tls %.1f ms, with mail-tls %.1f ms, "
				+ "overhead %.1f ms%n", this.runs, withoutMedian, withMedian, withMedian - withoutMedian);
	}

	private static double time(Class<?> configuration, List<String> properties) {
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = SenderContexts.run(configuration, properties)) {
			return (System.nanoTime() - start) / 1e6;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailSenderAutoConfiguration.class, SslAutoConfiguration.class })
	static class BootOnly {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailTlsAutoConfiguration.class, MailSenderAutoConfiguration.class,
			SslAutoConfiguration.class })
	static class WithMailTls {

	}

}
