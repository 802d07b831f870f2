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
package io.github.mailtls.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.fixtures.MutableClock;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.sender.TlsProbeResult;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Tests for {@link MailTlsHealthIndicator} against in-process servers.
 */
class MailTlsHealthIndicatorTests {

	private static final Duration TTL = Duration.ofSeconds(60);

	private static final Duration WARNING = Duration.ofDays(14);

	private final MutableClock clock = new MutableClock(Instant.now());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
		.withBean(LatestTlsSend.class);

	@Test
	void healthWhenTlsIsNegotiatedShouldBeUpWithConnectionDetails() {
		try (SmtpTestServer server = startTls(MailTlsFixtures.LOCALHOST)) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				Health health = indicator(context).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				Map<String, Object> details = health.getDetails();
				assertThat(details).containsEntry("location", "localhost:" + server.port())
					.containsEntry("policy", "starttls")
					.containsEntry("mode", "starttls")
					.containsEntry("protocol", "TLSv1.3")
					.containsEntry("certificateExpiring", false)
					.containsEntry("checkedAt", this.clock.instant().toString())
					.doesNotContainKeys("reason", "error", "lastSend");
				assertThat((String) details.get("cipherSuite")).startsWith("TLS_");
				X509Certificate certificate = MailTlsFixtures.LOCALHOST.certificate();
				Instant notAfter = certificate.getNotAfter().toInstant();
				assertThat(details.get("certificate")).asInstanceOf(MAP)
					.containsEntry("subject", certificate.getSubjectX500Principal().getName())
					.containsEntry("issuer", certificate.getIssuerX500Principal().getName())
					.containsEntry("notAfter", notAfter.toString())
					.containsEntry("daysLeft", Duration.between(this.clock.instant(), notAfter).toDays());
			});
			assertThat(server.commands()).noneMatch((command) -> command.startsWith("AUTH"))
				.noneMatch((command) -> command.startsWith("MAIL"));
		}
	}

	@Test
	void healthWhenCertificateExpiresWithinWarningShouldStayUpAndReportExpiring() {
		ServerIdentity expiring = MailTlsFixtures.localhostExpiringIn(Duration.ofDays(5));
		try (SmtpTestServer server = startTls(expiring)) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				Health health = indicator(context).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("certificateExpiring", true);
				Instant notAfter = expiring.certificate().getNotAfter().toInstant();
				assertThat(health.getDetails().get("certificate")).asInstanceOf(MAP)
					.containsEntry("daysLeft", Duration.between(this.clock.instant(), notAfter).toDays());
			});
		}
	}

	@Test
	void healthWhenStartTlsIsNotOfferedShouldBeDownWithReasonAndExplanation() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				Health health = indicator(context).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("location", "localhost:" + server.port())
					.containsEntry("mode", "starttls")
					.containsEntry("reason", "starttls_not_offered")
					.doesNotContainKeys("protocol", "certificate");
				assertThat((String) health.getDetails().get("error")).contains("STARTTLS");
			});
		}
	}

	@Test
	void healthWhenCertificateIsUntrustedShouldBeDown() {
		try (SmtpTestServer server = startTls(MailTlsFixtures.UNTRUSTED)) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				Health health = indicator(context).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("reason", "certificate_untrusted").containsKey("error");
			});
		}
	}

	@Test
	void healthWhenServerIsUnreachableShouldBeDownWithError() throws IOException {
		int port = unusedPort();
		this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(port)).run((context) -> {
			Health health = indicator(context).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("location", "localhost:" + port)
				.containsKey("error")
				.doesNotContainKey("reason");
		});
	}

	@Test
	void healthWhenModeIsNoneShouldBeUpAndShowPlaintext() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port(), "mail.tls.mode=none"))
				.run((context) -> {
					Health health = indicator(context).health();
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("policy", "none")
						.containsEntry("mode", "none")
						.doesNotContainKeys("protocol", "certificate", "certificateExpiring");
				});
		}
	}

	@Test
	void healthPolledManyTimesWithinTtlShouldOpenOneConnection() {
		try (SmtpTestServer server = startTls(MailTlsFixtures.LOCALHOST)) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				MailTlsHealthIndicator indicator = indicator(context);
				for (int poll = 0; poll < 100; poll++) {
					assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
					this.clock.advance(Duration.ofMillis(500));
				}
				assertThat(server.connectionCount()).isOne();
				this.clock.advance(Duration.ofSeconds(11));
				Health afterTtl = indicator.health();
				assertThat(server.connectionCount()).isEqualTo(2);
				assertThat(afterTtl.getDetails()).containsEntry("checkedAt", this.clock.instant().toString());
			});
		}
	}

	@Test
	void healthPolledConcurrentlyShouldProbeOnce() {
		try (SmtpTestServer server = startTls(MailTlsFixtures.LOCALHOST)) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				MailTlsHealthIndicator indicator = indicator(context);
				ExecutorService executor = Executors.newFixedThreadPool(8);
				try {
					CountDownLatch start = new CountDownLatch(1);
					List<Future<Health>> polls = new CopyOnWriteArrayList<>();
					for (int i = 0; i < 8; i++) {
						polls.add(executor.submit(() -> {
							start.await();
							return indicator.health();
						}));
					}
					start.countDown();
					for (Future<Health> poll : polls) {
						assertThat(poll.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
					}
				}
				finally {
					executor.shutdownNow();
				}
				assertThat(server.connectionCount()).isOne();
			});
		}
	}

	@Test
	void healthShouldTellProbeListenersAboutEachProbeConnectionOnly() {
		try (SmtpTestServer server = startTls(MailTlsFixtures.LOCALHOST)) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				List<TlsProbeResult> probes = new CopyOnWriteArrayList<>();
				MailTlsHealthIndicator indicator = new MailTlsHealthIndicator(
						context.getBean(TlsEnforcingMailSender.class), context.getBean(LatestTlsSend.class), TTL,
						WARNING, List.of(probes::add), this.clock);
				indicator.health();
				indicator.health();
				assertThat(probes).singleElement().satisfies((probe) -> {
					assertThat(probe.isSuccessful()).isTrue();
					assertThat(probe.connection().certificate().spkiSha256())
						.isEqualTo(MailTlsFixtures.LOCALHOST.spkiSha256Pin());
				});
			});
		}
	}

	@Test
	void healthAfterSendShouldReportLastSendWithoutPersonalData() {
		try (SmtpTestServer server = startTls(MailTlsFixtures.LOCALHOST)) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				context.getBean(TlsEnforcingMailSender.class).send(MailTlsFixtures.message());
				Health health = indicator(context).health();
				assertThat(health.getDetails().get("lastSend")).asInstanceOf(MAP)
					.containsEntry("outcome", "success")
					.containsEntry("mode", "starttls")
					.containsEntry("protocol", "TLSv1.3")
					.containsKey("timestamp")
					.doesNotContainKey("reason");
				assertThat(health.toString()).doesNotContain(MailTlsFixtures.SUBJECT).doesNotContain("@");
			});
		}
	}

	@Test
	void bootIndicatorPolledManyTimesShouldOpenAConnectionPerPoll() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("localhost");
			sender.setPort(server.port());
			MailHealthIndicator bootIndicator = new MailHealthIndicator(sender);
			for (int poll = 0; poll < 100; poll++) {
				assertThat(bootIndicator.health().getStatus()).isEqualTo(Status.UP);
			}
			assertThat(server.connectionCount()).isEqualTo(100);
		}
	}

	private MailTlsHealthIndicator indicator(AssertableApplicationContext context) {
		return new MailTlsHealthIndicator(context.getBean(TlsEnforcingMailSender.class),
				context.getBean(LatestTlsSend.class), TTL, WARNING, List.of(), this.clock);
	}

	private static SmtpTestServer startTls(ServerIdentity identity) {
		return SmtpTestServer.builder().startTls(identity.serverSslContext()).start();
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
