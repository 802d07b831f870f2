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
package io.github.mailtls.sender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded waits of the connection pool when pooled connections die without closing (hung
 * server, crashed host, partition), with a fault proxy between sender and server.
 */
class PoolFaultTests {

	private static final String READ_2S = "mail.tls.timeouts.read=2s";

	private static final String VALIDATION_500MS = "mail.tls.pool.validation-timeout=500ms";

	// Far above what the code needs and far below the unbounded waits (4 x read = 8 s).
	private static final Duration MARGIN = Duration.ofMillis(2500);

	@Test
	void sendWithFourDeadPooledConnectionsShouldWaitForOneCheckOnly() throws Exception {
		try (SmtpTestServer server = startTlsServer(); FaultProxy proxy = proxyFor(server)) {
			SenderContexts.forPort(proxy.port(), READ_2S, VALIDATION_500MS).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				openFourConnections(sender, proxy);
				Thread.sleep(700);
				proxy.stallOpenConnections();
				long start = System.nanoTime();
				sender.send(SenderContexts.message());
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				// One check (500 ms), one new connection, one message.
				assertThat(elapsed).isLessThan(Duration.ofMillis(500).plus(MARGIN));
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records.get(records.size() - 1).outcome()).isEqualTo(SendOutcome.SUCCESS);
				assertThat(records.get(records.size() - 1).connectionReused()).isFalse();
			});
			assertThat(proxy.connectionCount()).isEqualTo(5);
		}
	}

	@Test
	void closingTheContextWithFourDeadConnectionsShouldTakeOneValidationTimeout() throws Exception {
		try (SmtpTestServer server = startTlsServer(); FaultProxy proxy = proxyFor(server)) {
			SenderContexts.forPort(proxy.port(), READ_2S, VALIDATION_500MS).run((context) -> {
				openFourConnections(context.getBean(JavaMailSender.class), proxy);
				proxy.stallOpenConnections();
				long start = System.nanoTime();
				context.close();
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				assertThat(elapsed).isLessThan(Duration.ofMillis(500).plus(MARGIN));
			});
			// Every stalled connection was closed by the sender, none by the server.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (proxy.openConnectionCount() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(proxy.openConnectionCount()).isZero();
		}
	}

	@Test
	void connectionUsedWithinTheBypassWindowShouldBeReusedWithoutRset() throws Exception {
		try (SmtpTestServer server = startTlsServer()) {
			SenderContexts.forPort(server.port(), "mail.tls.pool.alive-bypass-window=300ms").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(SenderContexts.message());
				sender.send(SenderContexts.message());
				assertThat(server.commands()).noneMatch((command) -> command.startsWith("RSET"));
				Thread.sleep(600);
				sender.send(SenderContexts.message());
				assertThat(server.commands()).filteredOn((command) -> command.startsWith("RSET")).hasSize(1);
				assertThat(context.getBean(RecordingListener.class).records())
					.extracting(TlsSendRecord::connectionReused)
					.containsExactly(false, true, true);
			});
			assertThat(server.connectionCount()).isOne();
			assertThat(server.messages()).hasSize(3);
		}
	}

	@Test
	void validationTimeoutNotBelowReadTimeoutShouldFailStartupNamingTheProperty() {
		SenderContexts.forPort(2525, READ_2S, "mail.tls.pool.validation-timeout=2s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MailTlsConfigurationException.class)
				.hasMessageContaining("mail.tls.pool.validation-timeout")
				.hasMessageContaining("mail.tls.timeouts.read");
		});
	}

	@Test
	void negativeAliveBypassWindowShouldFailStartupNamingTheProperty() {
		SenderContexts.forPort(2525, "mail.tls.pool.alive-bypass-window=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("mail.tls.pool.alive-bypass-window");
		});
	}

	static SmtpTestServer startTlsServer() {
		return SmtpTestServer.builder().startTls(MailTlsFixtures.LOCALHOST.serverSslContext()).start();
	}

	static FaultProxy proxyFor(SmtpTestServer server) {
		return FaultProxy.to("127.0.0.1", server.port())
			.terminateStartTls(MailTlsFixtures.LOCALHOST, MailTlsFixtures.CA.clientSslContext())
			.start();
	}

	// Concurrent sends make the pool open connections until all 4 permits are in use.
	static void openFourConnections(JavaMailSender sender, FaultProxy proxy) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 20 && proxy.connectionCount() < 4; round++) {
				CyclicBarrier barrier = new CyclicBarrier(4);
				List<Future<?>> sends = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					sends.add(executor.submit(() -> {
						barrier.await();
						sender.send(SenderContexts.message());
						return null;
					}));
				}
				for (Future<?> send : sends) {
					send.get(30, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(proxy.connectionCount()).isEqualTo(4);
		assertThat(proxy.openConnectionCount()).isEqualTo(4);
	}

}
