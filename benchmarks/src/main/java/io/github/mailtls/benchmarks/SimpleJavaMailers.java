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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;

import io.github.mailtls.benchmarks.BenchmarkServer.Listener;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * Simple Java Mail 8.12 mailers with the batch-module's connection pool, configured the
 * secure way: SMTPS on the implicit TLS listener, SMTP_TLS (STARTTLS required) on the
 * other, no trust-all, server identity checked, and trust from the benchmark's CA through
 * the JVM trust store.
 * <p>
 * The JVM trust store is the only trust that reaches both modes: the library trusts every
 * host unless told otherwise, and its custom SSL socket factory is put in
 * {@code mail.smtp.ssl.socketFactory} only, so SMTPS ({@code mail.smtps.*}) would ignore
 * it. {@link #verifyRefusals} proves the configuration verifies before anything is
 * measured.
 */
final class SimpleJavaMailers implements AutoCloseable {

	private static final char[] TRUST_STORE_PASSWORD = "benchmark".toCharArray();

	private final BenchmarkServer server;

	private final int poolSize;

	private final int idleMillis;

	private final List<Mailer> mailers = new ArrayList<>();

	SimpleJavaMailers(BenchmarkServer server, int poolSize, int idleMillis) {
		this.server = server;
		this.poolSize = poolSize;
		this.idleMillis = idleMillis;
	}

	/**
	 * Make the CA the JVM's default trust ({@code javax.net.ssl.trustStore}). Must run
	 * before anything in the JVM asks for the default SSL context, which reads these
	 * properties once. Boot's sender and mail-tls use their SSL bundle and are not
	 * affected.
	 * @param ca the benchmark's certificate authority
	 */
	static void installJvmTrustStore(TestCertificateAuthority ca) {
		try {
			Path file = Files.createTempFile("mail-tls-benchmark-truststore", ".p12");
			file.toFile().deleteOnExit();
			try (OutputStream out = Files.newOutputStream(file)) {
				ca.trustStore().store(out, TRUST_STORE_PASSWORD);
			}
			System.setProperty("javax.net.ssl.trustStore", file.toString());
			System.setProperty("javax.net.ssl.trustStoreType", ca.trustStore().getType());
			System.setProperty("javax.net.ssl.trustStorePassword", new String(TRUST_STORE_PASSWORD));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot write the benchmark trust store", ex);
		}
	}

	Mailer mailer(Listener listener) {
		TransportStrategy strategy = (listener == Listener.STARTTLS) ? TransportStrategy.SMTP_TLS
				: TransportStrategy.SMTPS;
		Mailer mailer = MailerBuilder
			.withSMTPServer("localhost", this.server.port(listener), BenchmarkServer.USERNAME, BenchmarkServer.PASSWORD)
			.withTransportStrategy(strategy)
			.trustingAllHosts(false)
			.verifyingServerIdentity(true)
			.withConnectionPoolCoreSize(0)
			.withConnectionPoolMaxSize(this.poolSize)
			.withConnectionPoolExpireAfterMillis(this.idleMillis)
			.buildMailer();
		this.mailers.add(mailer);
		return mailer;
	}

	/**
	 * Send one message to the wrong-host and to the expired-certificate listener and
	 * require both to fail: the first proves the host name is checked, the second that
	 * the chain is validated (a trust-all manager accepts an expired certificate).
	 * @return one line per listener describing the refusal
	 */
	List<String> verifyRefusals() {
		List<String> lines = new ArrayList<>();
		for (Listener listener : List.of(Listener.WRONG_HOST, Listener.EXPIRED)) {
			Mailer mailer = mailer(listener);
			try {
				mailer.sendMail(BenchmarkMessages.email(this.server.recipient(), 0, new byte[0])).join();
			}
			catch (RuntimeException ex) {
				lines.add(String.format("Simple Java Mail against the %s certificate: refused (%s)",
						(listener == Listener.WRONG_HOST) ? "wrong-host" : "expired", rootCause(ex)));
				continue;
			}
			finally {
				mailer.shutdownConnectionPool();
			}
			throw new IllegalStateException("Simple Java Mail accepted the " + listener
					+ " certificate: it does not verify, so comparing with it would be unfair");
		}
		return lines;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	@Override
	public void close() {
		for (Mailer mailer : this.mailers) {
			try {
				mailer.shutdownConnectionPool().get();
			}
			catch (Exception ex) {
				// Shutting down after the measurements; nothing left to report.
			}
		}
	}

}
