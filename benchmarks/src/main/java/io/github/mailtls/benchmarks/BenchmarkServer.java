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

import org.testcontainers.DockerClientFactory;

import io.github.mailtls.it.PostfixContainer;
import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * The server the benchmark sends to: Postfix in a container when Docker is available,
 * otherwise an in-process SubEthaSMTP server. Either offers STARTTLS with AUTH and counts
 * the TLS handshakes it accepted.
 */
abstract class BenchmarkServer implements AutoCloseable {

	static final String USERNAME = "user";

	static final String PASSWORD = "secret";

	static BenchmarkServer start(TestCertificateAuthority ca) {
		return DockerClientFactory.instance().isDockerAvailable() ? new Postfix(ca) : new InProcess(ca);
	}

	abstract String description();

	abstract int port();

	abstract String recipient();

	/**
	 * Return the number of TLS handshakes the server has completed so far.
	 * @return the count
	 */
	abstract int tlsHandshakes();

	@Override
	public abstract void close();

	private static final class Postfix extends BenchmarkServer {

		private final PostfixContainer container;

		private final LogMark start;

		Postfix(TestCertificateAuthority ca) {
			this.container = new PostfixContainer(ca).withCredentials(USERNAME, PASSWORD);
			this.container.start();
			this.start = this.container.logMark();
		}

		@Override
		String description() {
			return "Postfix (container, OpenSSL) on STARTTLS port 587";
		}

		@Override
		int port() {
			return this.container.mappedPort(PostfixContainer.STARTTLS_PORT);
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
			return this.container.tlsConnectionsSince(this.start).size();
		}

		@Override
		public void close() {
			this.container.stop();
		}

	}

	private static final class InProcess extends BenchmarkServer {

		private final SmtpTestServer server;

		InProcess(TestCertificateAuthority ca) {
			this.server = SmtpTestServer.builder()
				.startTls(ca.issueLocalhost().serverSslContext())
				.auth(USERNAME, PASSWORD)
				.start();
		}

		@Override
		String description() {
			return "in-process SubEthaSMTP (JSSE) with STARTTLS; Docker is not available";
		}

		@Override
		int port() {
			return this.server.port();
		}

		@Override
		String recipient() {
			return "rcpt@example.org";
		}

		@Override
		int tlsHandshakes() {
			return this.server.connectionCount();
		}

		@Override
		public void close() {
			this.server.close();
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
