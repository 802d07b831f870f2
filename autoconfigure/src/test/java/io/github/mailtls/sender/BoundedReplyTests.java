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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.testsupport.DrippingRelay;
import io.github.mailtls.testsupport.MisbehavingSmtpServer;
import io.github.mailtls.testsupport.MisbehavingSmtpServer.Attack;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.tls.ReplyLimitExceededException;
import io.github.mailtls.tls.ReplyLimitExceededException.Limit;
import io.github.mailtls.tls.ReplyTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Replies are bounded in size and in time, in plaintext, after STARTTLS and under
 * implicit TLS: an endless reply is cut at the bound, a dripped one at the read timeout,
 * and nothing is sent after the failure.
 */
class BoundedReplyTests {

	// Far more than 64 KiB plus socket buffers: a client reading without a bound would
	// take gigabytes within its read timeout over loopback.
	private static final long MAX_FLOOD_BYTES = 32L * 1024 * 1024;

	// Read timeout of the drip tests, and the margin on top of it for a slow machine.
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration MARGIN = Duration.ofSeconds(4);

	// Each byte arrives well within the read timeout, so only a deadline for the whole
	// reply can stop it.
	private static final Duration DRIP_INTERVAL = Duration.ofMillis(300);

	@Test
	void endlessGreetingShouldFailAtTheLineCount() {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.inGreeting(Attack.endlessLines())) {
			assertLimit(send(sender(server.port())), Limit.LINE_COUNT, server);
			assertCutOff(server);
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void endlessGreetingLineShouldFailAtTheLineLength() {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.inGreeting(Attack.endlessLine())) {
			assertLimit(send(sender(server.port())), Limit.LINE_LENGTH, server);
			assertCutOff(server);
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void endlessReplyAfterStartTlsShouldFailAtTheLineCount() {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.afterStartTls(Attack.endlessLines(),
				MailTlsFixtures.LOCALHOST.serverSslContext())) {
			assertLimit(send(sender(server.port())), Limit.LINE_COUNT, server);
			assertCutOff(server);
			assertNothingAfterTlsEhlo(server);
		}
	}

	@Test
	void endlessLineUnderImplicitTlsShouldFailAtTheLineLength() {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.implicitTls(Attack.endlessLine(),
				MailTlsFixtures.LOCALHOST.serverSslContext())) {
			assertLimit(send(sender(server.port(), "mail.tls.mode=implicit")), Limit.LINE_LENGTH, server);
			assertCutOff(server);
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void drippedGreetingShouldFailWithinTheReadTimeout() {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.inGreeting(Attack.drip(DRIP_INTERVAL))) {
			assertTimedOut(() -> send(dripSender(server.port())));
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void drippedReplyAfterStartTlsShouldFailWithinTheReadTimeout() {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.afterStartTls(Attack.drip(DRIP_INTERVAL),
				MailTlsFixtures.LOCALHOST.serverSslContext())) {
			assertTimedOut(() -> send(dripSender(server.port())));
			assertNothingAfterTlsEhlo(server);
		}
	}

	@Test
	void drippedTlsHandshakeUnderImplicitTlsShouldFailWithinTheReadTimeout() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); DrippingRelay relay = DrippingRelay.to("127.0.0.1", server.port(), DRIP_INTERVAL)) {
			// JSSE reads the handshake itself, one record part at a time, each well
			// within
			// the read timeout: only a bound on the whole handshake stops it.
			assertTimedOut(() -> send(dripSender(relay.port(), "mail.tls.mode=implicit")));
			assertThat(relay.bytesToClient()).as("server bytes that reached the client")
				.isLessThan(2 * READ_TIMEOUT.toMillis() / DRIP_INTERVAL.toMillis() + 1);
			assertThat(server.connectionCount()).isOne();
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void drippedGreetingUnderImplicitTlsShouldFailWithinTheReadTimeout() {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.implicitTls(Attack.drip(DRIP_INTERVAL),
				MailTlsFixtures.LOCALHOST.serverSslContext())) {
			assertTimedOut(() -> send(dripSender(server.port(), "mail.tls.mode=implicit")));
			assertThat(server.commands()).isEmpty();
		}
	}

	@Test
	void fourConcurrentPooledSendsToADrippingServerShouldAllFailWithinTheReadTimeout() throws Exception {
		try (MisbehavingSmtpServer server = MisbehavingSmtpServer.inGreeting(Attack.drip(DRIP_INTERVAL))) {
			dripSender(server.port(), "mail.tls.pool.enabled=true").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				ExecutorService executor = Executors.newFixedThreadPool(4);
				try {
					long start = System.nanoTime();
					List<Future<@Nullable MailException>> sends = new ArrayList<>();
					for (int i = 0; i < 4; i++) {
						Callable<@Nullable MailException> send = () -> catchThrowableOfType(MailException.class,
								() -> sender.send(SenderContexts.message()));
						sends.add(executor.submit(send));
					}
					for (Future<@Nullable MailException> send : sends) {
						assertThat(find(send.get(30, TimeUnit.SECONDS), ReplyTimeoutException.class)).isNotNull();
					}
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(READ_TIMEOUT.plus(MARGIN));
				}
				finally {
					executor.shutdownNow();
				}
			});
			assertThat(server.commands()).isEmpty();
		}
	}

	private static ApplicationContextRunner sender(int port, String... properties) {
		return SenderContexts.forPort(port, properties);
	}

	private static ApplicationContextRunner dripSender(int port, String... properties) {
		return SenderContexts.forPort(port, properties)
			.withPropertyValues("mail.tls.timeouts.read=" + READ_TIMEOUT.toMillis() + "ms");
	}

	private static MailException send(ApplicationContextRunner runner) {
		List<MailException> failures = new ArrayList<>();
		runner.run((context) -> failures.add(catchThrowableOfType(MailException.class,
				() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()))));
		assertThat(failures.get(0)).as("the send fails").isNotNull();
		return failures.get(0);
	}

	private static void assertLimit(MailException failure, Limit limit, MisbehavingSmtpServer server) {
		ReplyLimitExceededException exceeded = find(failure, ReplyLimitExceededException.class);
		assertThat(exceeded).as("typed cause of %s", failure).isNotNull();
		assertThat(exceeded.limit()).isEqualTo(limit);
		assertThat(exceeded).hasMessageContaining("localhost:" + server.port())
			.hasMessageContaining(String.valueOf(limit.value()));
	}

	private static void assertTimedOut(Callable<MailException> send) {
		long start = System.nanoTime();
		MailException failure;
		try {
			failure = send.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(READ_TIMEOUT.plus(MARGIN));
		ReplyTimeoutException timeout = find(failure, ReplyTimeoutException.class);
		assertThat(timeout).as("typed cause of %s", failure).isNotNull();
		assertThat(timeout).hasMessageContaining("mail.tls.timeouts.read");
	}

	private static void assertCutOff(MisbehavingSmtpServer server) {
		// The client closed the connection: the flood's writes fail, after a bounded
		// number of bytes.
		await().atMost(Duration.ofSeconds(10)).until(() -> !server.writeFailures().isEmpty());
		assertThat(server.bytesWritten()).isLessThan(MAX_FLOOD_BYTES);
	}

	private static void assertNothingAfterTlsEhlo(MisbehavingSmtpServer server) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(server.commands()).hasSizeGreaterThanOrEqualTo(3));
		assertThat(server.commands()).extracting((command) -> command.split(" ")[0])
			.containsExactly("EHLO", "STARTTLS", "EHLO");
	}

	private static <T extends Throwable> @Nullable T find(@Nullable Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			// A failed send lists its cause per unsent message.
			if (cause instanceof MailSendException send) {
				for (Exception messageException : send.getMessageExceptions()) {
					T found = find(messageException, type);
					if (found != null) {
						return found;
					}
				}
			}
			for (Throwable suppressed : cause.getSuppressed()) {
				T found = find(suppressed, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
