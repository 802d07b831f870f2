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
package io.github.mailtls.smtp;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.tls.HandshakeVerifier;
import io.github.mailtls.tls.NoDelaySocketFactory;
import io.github.mailtls.tls.TlsSocketFactory;

/**
 * The Angus Mail session properties that implement a {@link TlsPolicy}. They make
 * {@link EnforcingSmtpTransport} the transport of both {@code smtp} and {@code smtps},
 * and neutralise Angus' weaker defaults: the socket factory fallback to the JVM trust
 * store, infinite timeouts, optional STARTTLS and comma-separated protocol lists. They
 * also remove the client's share of per-send waiting: Nagle's algorithm (a 40 ms
 * delayed-ACK stall per exchange with OpenSSL-based servers such as Postfix) and a timer
 * thread per connection.
 *
 * @since 0.1.0
 */
public final class SmtpSessionProperties {

	private static final String PREFIX = "mail.smtp.";

	private SmtpSessionProperties() {
	}

	/**
	 * Return the properties that enforce the given policy.
	 * @param enforcement the policy and the STARTTLS memory
	 * @param sslContext the policy's SSL context
	 * @param writeTimeoutExecutor the executor that times socket writes
	 * @return the properties, to be put over any raw ones
	 */
	public static Properties of(TransportEnforcement enforcement, SSLContext sslContext,
			ScheduledExecutorService writeTimeoutExecutor) {
		TlsPolicy policy = enforcement.policy();
		TlsMode mode = policy.mode();
		Properties properties = new Properties();
		properties.put("mail.transport.protocol", "smtp");
		// Session.getTransport() and Transport.send(...) create transports by these
		// names.
		properties.put(PREFIX + "class", EnforcingSmtpTransport.class.getName());
		properties.put("mail.smtps.class", EnforcingSmtpTransport.class.getName());
		properties.put(TransportEnforcement.PROPERTY, enforcement);
		properties.put(PREFIX + "ssl.socketFactory", new TlsSocketFactory(sslContext.getSocketFactory()));
		properties.put(PREFIX + "socketFactory", new NoDelaySocketFactory());
		properties.put(PREFIX + "socketFactory.fallback", "false");
		properties.put(PREFIX + "ssl.checkserveridentity", String.valueOf(policy.verifyHostname()));
		properties.put(PREFIX + "ssl.hostnameverifier", new HandshakeVerifier(policy));
		// Angus splits these lists on white space, not commas.
		properties.put(PREFIX + "ssl.protocols", String.join(" ", policy.protocols()));
		if (!policy.cipherSuites().isEmpty()) {
			properties.put(PREFIX + "ssl.ciphersuites", String.join(" ", policy.cipherSuites()));
		}
		properties.put(PREFIX + "ssl.enable", String.valueOf(mode == TlsMode.IMPLICIT));
		properties.put(PREFIX + "starttls.enable",
				String.valueOf(mode == TlsMode.STARTTLS || mode == TlsMode.OPPORTUNISTIC));
		properties.put(PREFIX + "starttls.required", String.valueOf(mode == TlsMode.STARTTLS));
		properties.put(PREFIX + "connectiontimeout", millis(policy.connectTimeout()));
		properties.put(PREFIX + "timeout", millis(policy.readTimeout()));
		properties.put(PREFIX + "writetimeout", millis(policy.writeTimeout()));
		// RSET rather than NOOP checks a connection before reuse and clears any half-done
		// transaction.
		properties.put(PREFIX + "userset", "true");
		// Without a shared executor Angus starts a thread per connection to time writes.
		properties.put(PREFIX + "executor.writetimeout", writeTimeoutExecutor);
		return properties;
	}

	private static String millis(Duration duration) {
		return String.valueOf(Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis())));
	}

}
