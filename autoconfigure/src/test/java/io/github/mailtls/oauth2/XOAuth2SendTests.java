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
package io.github.mailtls.oauth2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.autoconfigure.MailTlsHealthAutoConfiguration;
import io.github.mailtls.autoconfigure.MailTlsMetricsAutoConfiguration;
import io.github.mailtls.autoconfigure.MailTlsOAuth2AutoConfiguration;
import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.health.MailTlsHealthIndicator;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Sends authenticated with OAuth2 access tokens from a real in-process Spring
 * Authorization Server, to an SMTP server that accepts only that server's currently valid
 * tokens, with every logger that could see a token at its most verbose level.
 */
@ExtendWith(OutputCaptureExtension.class)
class XOAuth2SendTests {

	private static final Duration SHORT_TOKEN_LIFETIME = Duration.ofSeconds(3);

	private static final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();

	private static AuthorizationServer authorizationServer;

	@BeforeAll
	static void startAuthorizationServer() {
		authorizationServer = AuthorizationServer.start(SHORT_TOKEN_LIFETIME);
	}

	// Before every test, after the server's start: applications that start or stop
	// reset the logging system.
	@BeforeEach
	void traceLogging() {
		TraceLogging.enable();
	}

	@AfterAll
	static void stopAuthorizationServer() {
		authorizationServer.close();
		TraceLogging.reset();
	}

	@AfterEach
	void noTokenOrSecretShouldHaveBeenLogged(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain(AuthorizationServer.SECRET);
		assertThat(tokensSeen).allSatisfy((token) -> assertThat(output.getAll()).doesNotContain(token)
			.doesNotContain(xoauth2InitialResponse(token)));
	}

	@Test
	void pooledSendsAcrossTokenExpiryShouldAuthenticateEveryPhysicalConnectionWithAFreshToken(CapturedOutput output)
			throws InterruptedException {
		try (SmtpTestServer server = xoauth2Server()) {
			int tokenRequestsBefore = authorizationServer.tokenRequests();
			runner(server.port(), "mail-short", "mail.tls.pool.max-messages-per-connection=3").run((context) -> {
				assertThat(context).hasNotFailed();
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				for (int i = 0; i < 12; i++) {
					sender.send(MailTlsFixtures.message());
					Thread.sleep(500);
				}
			});
			List<String> tokens = remember(server);
			assertThat(server.messages()).hasSize(12).allSatisfy((message) -> assertThat(message.overTls()).isTrue());
			assertThat(server.connectionCount()).isEqualTo(4);
			assertThat(tokens).hasSize(4).doesNotHaveDuplicates();
			assertThat(authorizationServer.tokenRequests() - tokenRequestsBefore).isEqualTo(4);
			// The sends outlived the first token: a token pasted into the password would
			// have stopped working.
			assertThat(authorizationServer.verifier().isValid(AuthorizationServer.MAILBOX, tokens.get(0))).isFalse();
			assertThat(server.commands()).filteredOn((line) -> line.startsWith("AUTH "))
				.hasSize(4)
				.allSatisfy((line) -> assertThat(line).startsWith("AUTH XOAUTH2 "));
			// The capture really saw Angus' most verbose output (through
			// java.util.logging).
			assertThat(output.getAll()).contains("create socket");
		}
	}

	@Test
	void tokenRevokedAtTheServerShouldBeRefreshedOnceThenSucceed() {
		try (SmtpTestServer server = xoauth2Server()) {
			runner(server.port(), "mail-long", "mail.tls.pool.enabled=false").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(MailTlsFixtures.message());
				authorizationServer.revoke(server.presentedBearerTokens());
				int tokenRequestsBefore = authorizationServer.tokenRequests();
				sender.send(MailTlsFixtures.message());
				// One request: the forced refresh. Without it the cached token comes
				// back.
				assertThat(authorizationServer.tokenRequests() - tokenRequestsBefore).isOne();
			});
			List<String> tokens = remember(server);
			assertThat(server.messages()).hasSize(2);
			assertThat(tokens).hasSize(3);
			assertThat(tokens.get(1)).isEqualTo(tokens.get(0));
			assertThat(tokens.get(2)).isNotEqualTo(tokens.get(0));
			assertThat(server.connectionCount()).isEqualTo(3);
		}
	}

	@Test
	void serverRejectingEveryTokenShouldFailAfterOneForcedRefresh() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.xoauth2((user, token) -> false)
			.start()) {
			runner(server.port(), "mail-long").run((context) -> {
				MailAuthenticationException failure = catchThrowableOfType(MailAuthenticationException.class,
						() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
				assertThat(failure).hasMessageContaining("rejected a freshly obtained OAuth2 access token")
					.hasMessageContaining("\"status\":\"401\"");
				assertThat(remember(server)).hasSize(2)
					.allSatisfy((token) -> assertThat(failure.getMessage()).doesNotContain(token));
				assertThat(server.connectionCount()).isEqualTo(2);
				assertThat(tokenFailures(context.getBean(MeterRegistry.class), "token_rejected")).isOne();
				assertThat(lastAuthenticationProblem(context.getBean(MailTlsHealthIndicator.class)))
					.containsEntry("reason", "token_rejected");
			});
			assertThat(server.messages()).isEmpty();
			// The health probe connected too, but never authenticates.
			assertThat(server.commands()).filteredOn((line) -> line.startsWith("AUTH")).hasSize(2);
		}
	}

	@Test
	void invalidClientShouldFailNamingTheRegistrationAndTheErrorCode() {
		try (SmtpTestServer server = xoauth2Server()) {
			runner(server.port(), "mail-long")
				.withPropertyValues("spring.security.oauth2.client.registration.mail.client-secret=wrong-secret-value")
				.run((context) -> {
					MailAuthenticationException failure = catchThrowableOfType(MailAuthenticationException.class,
							() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
					assertThat(failure).hasMessageContaining("client registration 'mail'")
						.hasMessageContaining("invalid_client")
						.hasMessageContaining(authorizationServer.tokenUri())
						.hasMessageNotContaining("wrong-secret-value");
					// No token, so no connection at all: nothing falls back to a
					// password.
					assertThat(server.connectionCount()).isZero();
					assertThat(tokenFailures(context.getBean(MeterRegistry.class), "invalid_client")).isOne();
					Map<String, Object> problem = lastAuthenticationProblem(
							context.getBean(MailTlsHealthIndicator.class));
					assertThat(problem).containsEntry("reason", "invalid_client");
					assertThat(problem.toString()).doesNotContain("wrong-secret-value");
				});
			assertThat(server.commands()).noneMatch((line) -> line.startsWith("AUTH"));
		}
	}

	@Test
	void scopeTheClientMayNotHaveShouldFailWithTheTokenEndpointsErrorCode() {
		try (SmtpTestServer server = xoauth2Server()) {
			runner(server.port(), "mail-long")
				.withPropertyValues("spring.security.oauth2.client.registration.mail.scope=https://mail.google.com/")
				.run((context) -> {
					MailAuthenticationException failure = catchThrowableOfType(MailAuthenticationException.class,
							() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
					assertThat(failure).isInstanceOfSatisfying(AccessTokenException.class,
							(tokenFailure) -> assertThat(tokenFailure.getReason()).isEqualTo("invalid_scope"));
					assertThat(tokenFailures(context.getBean(MeterRegistry.class), "invalid_scope")).isOne();
				});
			assertThat(server.connectionCount()).isZero();
		}
	}

	@Test
	void tokenEndpointRefusingConnectionsShouldFailWithoutConnectingToTheMailServer() throws IOException {
		String tokenUri = "http://127.0.0.1:" + closedPort() + "/oauth2/token";
		try (SmtpTestServer server = xoauth2Server()) {
			runnerWithTokenUri(server.port(), tokenUri).run((context) -> {
				MailAuthenticationException failure = catchThrowableOfType(MailAuthenticationException.class,
						() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
				assertThat(failure).hasMessageContaining("client registration 'mail'")
					.hasMessageContaining("endpoint_unreachable");
				assertThat(tokenFailures(context.getBean(MeterRegistry.class), "endpoint_unreachable")).isOne();
			});
			assertThat(server.connectionCount()).isZero();
		}
	}

	@Test
	void tokenEndpointThatNeverAnswersShouldFailWithinTheReadTimeout() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				SmtpTestServer server = xoauth2Server()) {
			String tokenUri = "http://127.0.0.1:" + silent.getLocalPort() + "/oauth2/token";
			runnerWithTokenUri(server.port(), tokenUri, "mail.tls.timeouts.read=1s").run((context) -> {
				long start = System.nanoTime();
				MailAuthenticationException failure = catchThrowableOfType(MailAuthenticationException.class,
						() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				assertThat(failure).hasMessageContaining("timeout");
				// The read timeout (1s) plus a generous margin.
				assertThat(elapsed).isLessThan(Duration.ofSeconds(15));
				assertThat(tokenFailures(context.getBean(MeterRegistry.class), "timeout")).isOne();
			});
			assertThat(server.connectionCount()).isZero();
		}
	}

	@Test
	void implicitTlsShouldAuthenticateWithXOAuth2() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.xoauth2(authorizationServer.verifier())
			.start()) {
			runner(server.port(), "mail-long", "mail.tls.mode=implicit")
				.run((context) -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
			assertThat(remember(server)).hasSize(1);
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void serverWithoutXOAuth2ShouldFailListingWhatItOffers() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("user", "password")
			.start()) {
			runner(server.port(), "mail-long").run((context) -> {
				MailAuthenticationException failure = catchThrowableOfType(MailAuthenticationException.class,
						() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
				assertThat(failure).hasMessageContaining("does not offer AUTH XOAUTH2 after TLS")
					.hasMessageContaining("AUTH PLAIN LOGIN");
			});
			assertThat(server.commands()).noneMatch((line) -> line.startsWith("AUTH"));
			assertThat(server.messages()).isEmpty();
		}
	}

	private static SmtpTestServer xoauth2Server() {
		return SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.xoauth2(authorizationServer.verifier())
			.start();
	}

	private static String xoauth2InitialResponse(String token) {
		return Base64.getEncoder()
			.encodeToString(("user=" + AuthorizationServer.MAILBOX + "\u0001auth=Bearer " + token + "\u0001\u0001")
				.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> remember(SmtpTestServer server) {
		List<String> tokens = server.presentedBearerTokens();
		tokensSeen.addAll(tokens);
		return tokens;
	}

	static ApplicationContextRunner runner(int port, String clientId, String... properties) {
		return runnerWith(port, authorizationServer.registration(clientId, AuthorizationServer.secret(clientId)),
				properties);
	}

	private static ApplicationContextRunner runnerWithTokenUri(int port, String tokenUri, String... properties) {
		return runnerWith(port,
				AuthorizationServer.registration("mail-long", AuthorizationServer.secret("mail-long"), tokenUri),
				properties);
	}

	private static ApplicationContextRunner runnerWith(int port, String[] registration, String... properties) {
		List<String> values = new ArrayList<>(Arrays.asList(registration));
		values.add("mail.tls.oauth2.client-registration-id=mail");
		values.add("spring.mail.username=" + AuthorizationServer.MAILBOX);
		values.addAll(Arrays.asList(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class,
					MailTlsOAuth2AutoConfiguration.class, MailTlsAutoConfiguration.class, SslAutoConfiguration.class,
					MailTlsMetricsAutoConfiguration.class, MailTlsHealthAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues(MailTlsFixtures.senderProperties(port, values.toArray(String[]::new)));
	}

	private static double tokenFailures(MeterRegistry registry, String reason) {
		return registry.get("mail.tls.auth.token.failures").tag("reason", reason).counter().count();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> lastAuthenticationProblem(MailTlsHealthIndicator indicator) {
		Health health = indicator.health(true);
		assertThat(health.getDetails()).extractingByKey("lastAuthenticationProblem").asInstanceOf(MAP).isNotEmpty();
		return (Map<String, Object>) health.getDetails().get("lastAuthenticationProblem");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
