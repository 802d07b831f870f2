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

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * The worst send of a pooled sender at the default properties when every pooled
 * connection has died without closing (hung server, crashed host, partition): four
 * connections are opened through a TLS-terminating fault proxy in front of the server,
 * the proxy stops relaying on all of them without closing anything, and one send is
 * timed, then the context's close. Run with {@code ./mvnw -pl benchmarks -am
 * spring-boot:run -Dbenchmark.main-class=io.github.mailtls.benchmarks.DeadConnections
 * -Dspring-boot.run.arguments=3} (rounds).
 *
 * @author mail-tls
 */
public final class DeadConnections {

	private static final int POOLED_CONNECTIONS = 4;

	private DeadConnections() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		TestCertificateAuthority ca = TestCertificateAuthority.create("mail-tls benchmark CA");
		try (BenchmarkServer server = BenchmarkServer.start(ca)) {
			System.out.printf(
					"mail-tls dead-connection benchmark, %s, %d cores, Java %s%nserver: %s behind a fault proxy%n"
							+ "%d pooled connections stalled (open, silent), default mail.tls.* properties%n%n",
					LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					server.description(), POOLED_CONNECTIONS);
			System.out.printf("%-6s %14s %14s%n", "round", "send (s)", "close (s)");
			Duration worstSend = Duration.ZERO;
			Duration worstClose = Duration.ZERO;
			for (int round = 1; round <= rounds; round++) {
				Duration[] times = measure(server, ca);
				worstSend = max(worstSend, times[0]);
				worstClose = max(worstClose, times[1]);
				System.out.printf("%-6d %14.2f %14.2f%n", round, seconds(times[0]), seconds(times[1]));
			}
			System.out.printf("%-6s %14.2f %14.2f%n", "worst", seconds(worstSend), seconds(worstClose));
		}
	}

	// Returns the time of one send and of the context's close.
	private static Duration[] measure(BenchmarkServer server, TestCertificateAuthority ca) throws Exception {
		try (FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port())
			.terminateStartTls(ca.issueLocalhost(), ca.clientSslContext())
			.start()) {
			ConfigurableApplicationContext context = context(proxy.port(), ca.certificatePem());
			try {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				openPooledConnections(sender, server, proxy);
				// Past any alive-bypass window: the pool has to check what it lends.
				Thread.sleep(1000);
				proxy.stallOpenConnections();
				long start = System.nanoTime();
				sender.send(message(server));
				Duration send = Duration.ofNanos(System.nanoTime() - start);
				// The connection of that send works; stall it too, so that closing meets
				// only dead connections.
				proxy.stallOpenConnections();
				start = System.nanoTime();
				context.close();
				return new Duration[] { send, Duration.ofNanos(System.nanoTime() - start) };
			}
			finally {
				context.close();
			}
		}
	}

	// Concurrent sends make the pool open connections until every permit is in use.
	private static void openPooledConnections(JavaMailSender sender, BenchmarkServer server, FaultProxy proxy)
			throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(POOLED_CONNECTIONS);
		try {
			for (int attempt = 0; attempt < 50 && proxy.connectionCount() < POOLED_CONNECTIONS; attempt++) {
				CyclicBarrier barrier = new CyclicBarrier(POOLED_CONNECTIONS);
				List<Future<?>> sends = new ArrayList<>();
				for (int i = 0; i < POOLED_CONNECTIONS; i++) {
					sends.add(executor.submit(() -> {
						barrier.await();
						sender.send(message(server));
						return null;
					}));
				}
				for (Future<?> send : sends) {
					send.get(1, TimeUnit.MINUTES);
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		if (proxy.openConnectionCount() != POOLED_CONNECTIONS) {
			throw new IllegalStateException("Expected %d pooled connections but %d are open"
				.formatted(POOLED_CONNECTIONS, proxy.openConnectionCount()));
		}
	}

	private static ConfigurableApplicationContext context(int port, String caPem) {
		return new SpringApplicationBuilder(MailTls.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.mail.host=localhost", "spring.mail.port=" + port,
					"spring.mail.username=" + BenchmarkServer.USERNAME,
					"spring.mail.password=" + BenchmarkServer.PASSWORD, "mail.tls.ssl-bundle=bench",
					"spring.ssl.bundle.pem.bench.truststore.certificate=" + caPem)
			.run();
	}

	private static SimpleMailMessage message(BenchmarkServer server) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("benchmark@example.org");
		message.setTo(server.recipient());
		message.setSubject("dead-connection benchmark");
		message.setText("A message of the dead-connection benchmark.");
		return message;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailTlsAutoConfiguration.class, MailSenderAutoConfiguration.class,
			SslAutoConfiguration.class })
	static class MailTls {

	}

}
