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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import org.testcontainers.DockerClientFactory;

import io.github.mailtls.it.PostfixContainer;
import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * The server the benchmark sends to: Postfix in a container when Docker is available,
 * otherwise in-process SubEthaSMTP servers. Either offers STARTTLS and implicit TLS with
 * AUTH, plus a wrong-host and an expired certificate, and counts the SMTP sessions and
 * TLS handshakes it accepted on each listener.
 */
abstract class BenchmarkServer implements AutoCloseable {

	static final String USERNAME = "user";

	static final String PASSWORD = "secret";

	static BenchmarkServer start(TestCertificateAuthority ca) {
		return DockerClientFactory.instance().isDockerAvailable() ? new Postfix(ca) : new InProcess(ca);
	}

	abstract String description();

	/**
	 * Return the local port of the STARTTLS listener.
	 * @return the port
	 */
	int port() {
		return port(Listener.STARTTLS);
	}

	abstract int port(Listener listener);

	abstract String recipient();

	/**
	 * Return the number of TLS handshakes the server has completed so far on the STARTTLS
	 * listener.
	 * @return the count
	 */
	abstract int tlsHandshakes();

	/**
	 * Start counting what the server sees on one listener from now on.
	 * @param listener the listener
	 * @return the window to {@link Window#close() close} after the measured phase
	 */
	abstract Window open(Listener listener);

	/**
	 * Delete what the server delivered so far, between rounds, so that the disk does not
	 * fill up.
	 */
	abstract void clearMailbox();

	/**
	 * Wait until the server has delivered everything it accepted, so that no run pays for
	 * the deliveries of the one before it.
	 */
	abstract void awaitIdle();

	@Override
	public abstract void close();

	/**
	 * The listeners the benchmark uses, by their Postfix port.
	 */
	enum Listener {

		/** STARTTLS, AUTH after TLS. */
		STARTTLS(PostfixContainer.STARTTLS_PORT),

		/** Implicit TLS, AUTH. */
		IMPLICIT(PostfixContainer.IMPLICIT_TLS_PORT),

		/** Implicit TLS with a certificate for another host name. */
		WRONG_HOST(PostfixContainer.WRONG_HOST_PORT),

		/** Implicit TLS with an expired certificate. */
		EXPIRED(PostfixContainer.EXPIRED_CERTIFICATE_PORT);

		private final int containerPort;

		Listener(int containerPort) {
			this.containerPort = containerPort;
		}

		int containerPort() {
			return this.containerPort;
		}

	}

	/**
	 * What the server saw on one listener during a measured phase.
	 *
	 * @param sessions SMTP sessions the server accepted (TCP connections)
	 * @param handshakes TLS handshakes the server completed
	 */
	record Counts(int sessions, int handshakes) {
	}

	/**
	 * A counting window opened before a measured phase.
	 */
	interface Window {

		/**
		 * Return what the server saw since the window was opened, waiting until its log
		 * has caught up.
		 * @return the counts
		 */
		Counts close();

	}

	private static final class Postfix extends BenchmarkServer {

		private static final Pattern SERVICE = Pattern.compile("postfix/port(\\d+)/smtpd\\[\\d+\\]: (.*)$");

		private static final Duration IDLE_WAIT = Duration.ofSeconds(60);

		private final PostfixContainer container;

		private final LogMark start;

		Postfix(TestCertificateAuthority ca) {
			this.container = new PostfixContainer(ca).withCredentials(USERNAME, PASSWORD);
			this.container.start();
			this.start = this.container.logMark();
		}

		@Override
		String description() {
			return "Postfix (container, OpenSSL), STARTTLS port 587 and implicit TLS port 465";
		}

		@Override
		int port(Listener listener) {
			return this.container.mappedPort(listener.containerPort());
		}

		@Override
		String recipient() {
			return "rcpt@" + PostfixContainer.LOCAL_DOMAIN;
		}

		@Override
		int tlsHandshakes() {
			// Postfix logs asynchronously: read until the count stops changing.
			int previous = -1;
			int current = count();
			while (current != previous) {
				sleep(Duration.ofMillis(300));
				previous = current;
				current = count();
			}
			return current;
		}

		private int count() {
			return (int) this.container.tlsConnectionsSince(this.start)
				.stream()
				.filter((connection) -> connection.port() == PostfixContainer.STARTTLS_PORT)
				.count();
		}

		@Override
		Window open(Listener listener) {
			// Docker's own receive timestamps select the lines, so that each window reads
			// only its part of a log that grows by thousands of lines per run.
			Instant since = Instant.now();
			return () -> {
				Counts previous = null;
				Counts current = countSince(since, listener);
				while (!current.equals(previous)) {
					sleep(Duration.ofMillis(150));
					previous = current;
					current = countSince(since, listener);
				}
				return current;
			};
		}

		private Counts countSince(Instant since, Listener listener) {
			StringBuilder log = new StringBuilder();
			try {
				this.container.getDockerClient()
					.logContainerCmd(this.container.getContainerId())
					.withStdOut(true)
					.withTimestamps(true)
					.withSince((int) since.getEpochSecond())
					.exec(new ResultCallback.Adapter<Frame>() {

						@Override
						public void onNext(Frame frame) {
							log.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
						}

					})
					.awaitCompletion();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			int sessions = 0;
			int handshakes = 0;
			for (String line : log.toString().split("\\r?\\n")) {
				int space = line.indexOf(' ');
				if (space < 0 || Instant.parse(line.substring(0, space)).isBefore(since)) {
					continue;
				}
				Matcher service = SERVICE.matcher(line);
				if (service.find() && Integer.parseInt(service.group(1)) == listener.containerPort()) {
					String message = service.group(2);
					if (message.startsWith("connect from ")) {
						sessions++;
					}
					else if (message.contains(" TLS connection established from ")) {
						handshakes++;
					}
				}
			}
			return new Counts(sessions, handshakes);
		}

		@Override
		void clearMailbox() {
			this.container.clearMailbox();
		}

		@Override
		void awaitIdle() {
			long deadline = System.nanoTime() + IDLE_WAIT.toNanos();
			while (this.container.messagesInFlight() > 0) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Postfix still had messages in its queues after " + IDLE_WAIT);
				}
				sleep(Duration.ofMillis(50));
			}
		}

		@Override
		public void close() {
			this.container.stop();
		}

	}

	private static final class InProcess extends BenchmarkServer {

		private final Map<Listener, SmtpTestServer> servers = new EnumMap<>(Listener.class);

		InProcess(TestCertificateAuthority ca) {
			this.servers.put(Listener.STARTTLS,
					SmtpTestServer.builder()
						.startTls(ca.issueLocalhost().serverSslContext())
						.auth(USERNAME, PASSWORD)
						.start());
			this.servers.put(Listener.IMPLICIT,
					SmtpTestServer.builder()
						.implicitTls(ca.issueLocalhost().serverSslContext())
						.auth(USERNAME, PASSWORD)
						.start());
			this.servers.put(Listener.WRONG_HOST,
					SmtpTestServer.builder()
						.implicitTls(ca.issueForHost(PostfixContainer.WRONG_HOST_NAME).serverSslContext())
						.auth(USERNAME, PASSWORD)
						.start());
			this.servers.put(Listener.EXPIRED,
					SmtpTestServer.builder()
						.implicitTls(ca.issueExpiredLocalhost().serverSslContext())
						.auth(USERNAME, PASSWORD)
						.start());
		}

		@Override
		String description() {
			return "in-process SubEthaSMTP (JSSE) with STARTTLS and implicit TLS; Docker is not available";
		}

		@Override
		int port(Listener listener) {
			return server(listener).port();
		}

		@Override
		String recipient() {
			return "rcpt@example.org";
		}

		private SmtpTestServer server(Listener listener) {
			return Objects.requireNonNull(this.servers.get(listener), () -> "no server for " + listener);
		}

		@Override
		int tlsHandshakes() {
			return server(Listener.STARTTLS).connectionCount();
		}

		@Override
		Window open(Listener listener) {
			SmtpTestServer server = server(listener);
			int before = server.connectionCount();
			return () -> {
				// Every connection to these servers is a TLS session.
				int connections = server.connectionCount() - before;
				return new Counts(connections, connections);
			};
		}

		@Override
		void clearMailbox() {
			// The in-process servers keep messages in memory only.
		}

		@Override
		void awaitIdle() {
			// The in-process servers have nothing to deliver.
		}

		@Override
		public void close() {
			this.servers.values().forEach(SmtpTestServer::close);
		}

	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
