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
package io.github.mailtls.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.mailtls.policy.TlsMode;

/**
 * Configuration properties for the TLS policy of outgoing mail. The connection itself
 * (host, port, credentials) stays in {@code spring.mail.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("mail.tls")
public class MailTlsProperties {

	/**
	 * How the connection is protected. 'auto' uses implicit TLS on port 465 and required
	 * STARTTLS on any other port; 'opportunistic' and 'none' allow plaintext and must be
	 * chosen explicitly.
	 */
	private TlsMode mode = TlsMode.AUTO;

	/**
	 * TLS protocol versions allowed. Only TLSv1.3 and TLSv1.2 are accepted.
	 */
	private List<String> protocols = new ArrayList<>(List.of("TLSv1.3", "TLSv1.2"));

	/**
	 * Cipher suites allowed, in JSSE names. Empty means the JDK's defaults.
	 */
	private List<String> cipherSuites = new ArrayList<>();

	/**
	 * Whether to verify that the server certificate matches spring.mail.host (RFC 7817).
	 */
	private boolean verifyHostname = true;

	/**
	 * Name of the SSL bundle (spring.ssl.bundle.*) that provides the trust material and
	 * an optional client certificate. Falls back to spring.mail.ssl.bundle, then to the
	 * JDK trust store.
	 */
	private @Nullable String sslBundle;

	/**
	 * Whether credentials may be sent over a plaintext session. Only meaningful for the
	 * 'opportunistic' and 'none' modes.
	 */
	private boolean allowPlaintextAuth;

	/**
	 * Whether to require the REQUIRETLS extension (RFC 8689): the server must advertise
	 * it and every message is sent with MAIL FROM ... REQUIRETLS, except messages with
	 * the header 'TLS-Required: No'.
	 */
	private boolean requireTlsExtension;

	/**
	 * Public key pins as 'sha256/<base64 of the SHA-256 of the SubjectPublicKeyInfo>'. A
	 * TLS session is refused unless a certificate of the server's chain matches one of
	 * them. List a backup pin to allow key rotation.
	 */
	private List<String> pinnedPublicKeys = new ArrayList<>();

	/**
	 * Whether to probe the server at startup (TLS and EHLO, no authentication) and fail
	 * fast when it does not meet the policy.
	 */
	private boolean verifyOnStartup;

	/**
	 * Whether to send MAIL FROM, RCPT TO and DATA in one flight (RFC 2920 PIPELINING)
	 * when the server advertises it after TLS. Never before TLS or across STARTTLS.
	 */
	private boolean pipelining = true;

	/**
	 * File in which to remember the servers that offered STARTTLS, so that a server that
	 * stops offering it is still treated as a downgrade after a restart. Without it the
	 * memory lasts as long as the application.
	 */
	private @Nullable Path downgradeMemoryFile;

	/**
	 * Socket timeouts for connecting, reading and writing. None of them can be infinite.
	 */
	private final Timeouts timeouts = new Timeouts();

	/**
	 * Reuse of verified connections across sends: size, waits, check before reuse and
	 * lifetimes.
	 */
	private final Pool pool = new Pool();

	private final OAuth2 oauth2 = new OAuth2();

	public TlsMode getMode() {
		return this.mode;
	}

	public void setMode(TlsMode mode) {
		this.mode = mode;
	}

	public List<String> getProtocols() {
		return this.protocols;
	}

	public void setProtocols(List<String> protocols) {
		this.protocols = protocols;
	}

	public List<String> getCipherSuites() {
		return this.cipherSuites;
	}

	public void setCipherSuites(List<String> cipherSuites) {
		this.cipherSuites = cipherSuites;
	}

	public boolean isVerifyHostname() {
		return this.verifyHostname;
	}

	public void setVerifyHostname(boolean verifyHostname) {
		this.verifyHostname = verifyHostname;
	}

	public @Nullable String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(@Nullable String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public boolean isAllowPlaintextAuth() {
		return this.allowPlaintextAuth;
	}

	public void setAllowPlaintextAuth(boolean allowPlaintextAuth) {
		this.allowPlaintextAuth = allowPlaintextAuth;
	}

	public boolean isRequireTlsExtension() {
		return this.requireTlsExtension;
	}

	public void setRequireTlsExtension(boolean requireTlsExtension) {
		this.requireTlsExtension = requireTlsExtension;
	}

	public List<String> getPinnedPublicKeys() {
		return this.pinnedPublicKeys;
	}

	public void setPinnedPublicKeys(List<String> pinnedPublicKeys) {
		this.pinnedPublicKeys = pinnedPublicKeys;
	}

	public boolean isVerifyOnStartup() {
		return this.verifyOnStartup;
	}

	public void setVerifyOnStartup(boolean verifyOnStartup) {
		this.verifyOnStartup = verifyOnStartup;
	}

	public boolean isPipelining() {
		return this.pipelining;
	}

	public void setPipelining(boolean pipelining) {
		this.pipelining = pipelining;
	}

	public @Nullable Path getDowngradeMemoryFile() {
		return this.downgradeMemoryFile;
	}

	public void setDowngradeMemoryFile(@Nullable Path downgradeMemoryFile) {
		this.downgradeMemoryFile = downgradeMemoryFile;
	}

	/**
	 * Return the socket timeouts ({@code mail.tls.timeouts.*}): connect, read and write,
	 * none of them infinite.
	 * @return the timeouts
	 */
	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Return the settings of the connection pool ({@code mail.tls.pool.*}): how many
	 * verified connections are kept, how long a send waits for one, how an idle one is
	 * checked before reuse and when one is closed.
	 * @return the pool settings
	 */
	public Pool getPool() {
		return this.pool;
	}

	public OAuth2 getOauth2() {
		return this.oauth2;
	}

	/**
	 * Socket timeouts ({@code mail.tls.timeouts.*}). None of them can be infinite: each
	 * must be a positive duration.
	 */
	public static class Timeouts {

		/**
		 * Time to wait for the TCP connection to be established.
		 */
		private Duration connect = Duration.ofSeconds(10);

		/**
		 * Time to wait for each server reply, including the TLS handshake.
		 */
		private Duration read = Duration.ofSeconds(30);

		/**
		 * Time to wait for each write to the server to complete.
		 */
		private Duration write = Duration.ofSeconds(30);

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getRead() {
			return this.read;
		}

		public void setRead(Duration read) {
			this.read = read;
		}

		public Duration getWrite() {
			return this.write;
		}

		public void setWrite(Duration write) {
			this.write = write;
		}

	}

	/**
	 * Reuse of verified connections across sends ({@code mail.tls.pool.*}). Every new
	 * connection passes the full policy; a connection is checked with RSET before reuse
	 * unless it worked within the alive-bypass window.
	 */
	public static class Pool {

		/**
		 * Whether to reuse verified connections across sends.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of connections open at once, busy or idle. A send waits up to
		 * max-wait for one to become free.
		 */
		private int maxConnections = 4;

		/**
		 * Longest time a send waits for a pooled connection, the check of an idle one
		 * included; opening a new connection comes on top. Defaults to the connect
		 * timeout.
		 */
		private @Nullable Duration maxWait;

		/**
		 * Time to wait for the server's reply when an idle connection is checked before
		 * reuse, when a connection is reset and checked after a failed message, and when
		 * a connection is closed. Must be shorter than the read timeout. Defaults to 2s
		 * or half the read timeout, whichever is shorter.
		 */
		private @Nullable Duration validationTimeout;

		/**
		 * Time after a connection last worked during which it is reused without a check.
		 * Zero checks every reuse.
		 */
		private Duration aliveBypassWindow = Duration.ofMillis(500);

		/**
		 * Number of messages after which a connection is closed.
		 */
		private int maxMessagesPerConnection = 100;

		/**
		 * Whether a busy connection that will soon be closed for its message count or age
		 * has its successor opened in the background, when the pool has room, so that no
		 * send waits for the successor's handshake.
		 */
		private boolean openAhead = true;

		/**
		 * Time after which an idle connection is closed. Keep it below the server's idle
		 * timeout (RFC 5321 suggests at least 5 minutes).
		 */
		private Duration idleTimeout = Duration.ofSeconds(30);

		/**
		 * Time after which a connection is closed however busy, so that certificate or
		 * credential changes on either side are picked up.
		 */
		private Duration maxConnectionAge = Duration.ofMinutes(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public @Nullable Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(@Nullable Duration maxWait) {
			this.maxWait = maxWait;
		}

		public @Nullable Duration getValidationTimeout() {
			return this.validationTimeout;
		}

		public void setValidationTimeout(@Nullable Duration validationTimeout) {
			this.validationTimeout = validationTimeout;
		}

		public Duration getAliveBypassWindow() {
			return this.aliveBypassWindow;
		}

		public void setAliveBypassWindow(Duration aliveBypassWindow) {
			this.aliveBypassWindow = aliveBypassWindow;
		}

		public int getMaxMessagesPerConnection() {
			return this.maxMessagesPerConnection;
		}

		public void setMaxMessagesPerConnection(int maxMessagesPerConnection) {
			this.maxMessagesPerConnection = maxMessagesPerConnection;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public Duration getMaxConnectionAge() {
			return this.maxConnectionAge;
		}

		public void setMaxConnectionAge(Duration maxConnectionAge) {
			this.maxConnectionAge = maxConnectionAge;
		}

		public boolean isOpenAhead() {
			return this.openAhead;
		}

		public void setOpenAhead(boolean openAhead) {
			this.openAhead = openAhead;
		}

	}

	public static class OAuth2 {

		/**
		 * Id of the Spring Security client registration
		 * (spring.security.oauth2.client.registration.<id>.*) whose access tokens
		 * authenticate to the mail server with AUTH XOAUTH2, after TLS only. Needs the
		 * client_credentials grant; spring.mail.username is the mailbox.
		 */
		private @Nullable String clientRegistrationId;

		public @Nullable String getClientRegistrationId() {
			return this.clientRegistrationId;
		}

		public void setClientRegistrationId(@Nullable String clientRegistrationId) {
			this.clientRegistrationId = clientRegistrationId;
		}

	}

}
