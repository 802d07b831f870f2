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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.pool.PoolSettings;

/**
 * Validates {@code spring.mail.*} and {@code mail.tls.*} together and derives the
 * effective {@link TlsPolicy}. Every invalid or weakening combination fails startup with
 * a {@link MailTlsConfigurationException} that names the fix.
 */
final class TlsPolicyFactory {

	static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	private static final Set<String> LEGACY_PROTOCOLS = Set.of("SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");

	private final MailProperties mail;

	private final MailTlsProperties tls;

	TlsPolicyFactory(MailProperties mail, MailTlsProperties tls) {
		this.mail = mail;
		this.tls = tls;
	}

	TlsMode configuredMode() {
		String protocol = (this.mail.getProtocol() != null) ? this.mail.getProtocol().toLowerCase(Locale.ROOT) : "smtp";
		if (!protocol.equals("smtp") && !protocol.equals("smtps")) {
			throw new MailTlsConfigurationException("spring.mail.protocol",
					"'%s' is not supported; mail-tls sends with SMTP".formatted(this.mail.getProtocol()),
					"Set spring.mail.protocol to smtp (or remove it) and choose TLS with mail.tls.mode.");
		}
		boolean implicitRequested = protocol.equals("smtps") || this.mail.getSsl().isEnabled();
		TlsMode mode = this.tls.getMode();
		if (implicitRequested && mode != TlsMode.AUTO && mode != TlsMode.IMPLICIT) {
			throw new MailTlsConfigurationException("mail.tls.mode",
					"'%s' contradicts spring.mail.protocol=smtps or spring.mail.ssl.enabled=true, which ask for implicit TLS"
						.formatted(mode.value()),
					"Remove spring.mail.ssl.enabled and the smtps protocol, and choose the mode with mail.tls.mode only.");
		}
		return implicitRequested ? TlsMode.IMPLICIT : mode;
	}

	int port() {
		if (this.mail.getPort() != null) {
			return this.mail.getPort();
		}
		return (configuredMode() == TlsMode.IMPLICIT) ? TlsMode.IMPLICIT_TLS_PORT : 25;
	}

	TlsPolicy create(SSLContext sslContext, String trustSource) {
		return create(sslContext, trustSource, BundleOptions.NONE);
	}

	/**
	 * Derive the policy; the SSL bundle's own {@code options.enabled-protocols} and
	 * {@code options.ciphers}, when set, restrict it further, as Boot users expect of a
	 * bundle.
	 */
	TlsPolicy create(SSLContext sslContext, String trustSource, BundleOptions bundleOptions) {
		TlsMode configuredMode = configuredMode();
		TlsMode mode = configuredMode.resolve(port());
		if (!this.mail.getSsl().isVerifyHostname() && this.tls.isVerifyHostname()) {
			throw new MailTlsConfigurationException("spring.mail.ssl.verify-hostname",
					"false conflicts with mail.tls.verify-hostname=true",
					"Remove spring.mail.ssl.verify-hostname; mail.tls.verify-hostname controls host name verification.");
		}
		if (this.tls.isRequireTlsExtension() && !mode.requiresTls()) {
			throw new MailTlsConfigurationException("mail.tls.require-tls-extension",
					"REQUIRETLS needs TLS on every hop, but mail.tls.mode=%s allows plaintext".formatted(mode.value()),
					"Use mail.tls.mode=auto, implicit or starttls, or set mail.tls.require-tls-extension=false.");
		}
		if (mode == TlsMode.NONE && this.mail.getUsername() != null && !this.tls.isAllowPlaintextAuth()) {
			throw new MailTlsConfigurationException("mail.tls.mode",
					"'none' would send the credentials of spring.mail.username in plaintext",
					"Use a TLS mode, or set mail.tls.allow-plaintext-auth=true for a local development server only.");
		}
		return new TlsPolicy(configuredMode, mode, bundleOptions.restrictProtocols(protocols()),
				bundleOptions.restrictCipherSuites(cipherSuites(sslContext), supportedCipherSuites(sslContext)),
				this.tls.isVerifyHostname(), this.tls.isAllowPlaintextAuth(), this.tls.isRequireTlsExtension(),
				pinnedPublicKeys(), trustSource, timeout("connect", this.tls.getTimeouts().getConnect()),
				timeout("read", this.tls.getTimeouts().getRead()), timeout("write", this.tls.getTimeouts().getWrite()));
	}

	private List<String> protocols() {
		Set<String> protocols = new LinkedHashSet<>();
		for (String candidate : this.tls.getProtocols()) {
			String protocol = candidate.trim();
			if (LEGACY_PROTOCOLS.contains(protocol)) {
				throw new MailTlsConfigurationException("mail.tls.protocols",
						"'%s' is deprecated and insecure (RFC 8996)".formatted(protocol),
						"Allow only " + ALLOWED_PROTOCOLS + "; upgrade servers that support nothing newer.");
			}
			if (!ALLOWED_PROTOCOLS.contains(protocol)) {
				throw new MailTlsConfigurationException("mail.tls.protocols",
						"'%s' is not a known TLS protocol".formatted(protocol),
						"Use values from " + ALLOWED_PROTOCOLS + ".");
			}
			protocols.add(protocol);
		}
		if (protocols.isEmpty()) {
			throw new MailTlsConfigurationException("mail.tls.protocols", "no TLS protocol is allowed",
					"Allow at least one of " + ALLOWED_PROTOCOLS + ", or remove the property to use both.");
		}
		return List.copyOf(protocols);
	}

	List<String> pinnedPublicKeys() {
		List<String> pins = new ArrayList<>();
		for (String candidate : this.tls.getPinnedPublicKeys()) {
			String pin = candidate.trim();
			if (!isWellFormedPin(pin)) {
				throw new MailTlsConfigurationException("mail.tls.pinned-public-keys",
						"'%s' is not a SHA-256 public key pin".formatted(pin),
						"Write each pin as sha256/ followed by the Base64 SHA-256 of the certificate's "
								+ "SubjectPublicKeyInfo, for example: openssl x509 -in cert.pem -pubkey -noout | "
								+ "openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64");
			}
			pins.add(pin);
		}
		return pins;
	}

	private static boolean isWellFormedPin(String pin) {
		if (!pin.startsWith("sha256/")) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(pin.substring("sha256/".length())).length == 32;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static Set<String> supportedCipherSuites(SSLContext sslContext) {
		return Set.of(sslContext.getSupportedSSLParameters().getCipherSuites());
	}

	private List<String> cipherSuites(SSLContext sslContext) {
		Set<String> supported = supportedCipherSuites(sslContext);
		List<String> cipherSuites = new ArrayList<>();
		for (String candidate : this.tls.getCipherSuites()) {
			String cipherSuite = candidate.trim();
			if (!supported.contains(cipherSuite)) {
				throw new MailTlsConfigurationException("mail.tls.cipher-suites",
						"'%s' is not a cipher suite this JDK supports".formatted(cipherSuite),
						"Use JSSE cipher suite names, for example TLS_AES_128_GCM_SHA256 or "
								+ "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, or remove the property.");
			}
			cipherSuites.add(cipherSuite);
		}
		return cipherSuites;
	}

	@Nullable PoolSettings poolSettings() {
		MailTlsProperties.Pool pool = this.tls.getPool();
		if (!pool.isEnabled()) {
			return null;
		}
		Duration connect = timeout("connect", this.tls.getTimeouts().getConnect());
		Duration maxWait = (pool.getMaxWait() != null) ? duration("mail.tls.pool.max-wait", pool.getMaxWait())
				: connect;
		return new PoolSettings(positive("mail.tls.pool.max-connections", pool.getMaxConnections()),
				positive("mail.tls.pool.max-messages-per-connection", pool.getMaxMessagesPerConnection()),
				duration("mail.tls.pool.idle-timeout", pool.getIdleTimeout()),
				duration("mail.tls.pool.max-connection-age", pool.getMaxConnectionAge()), maxWait,
				validationTimeout(pool), aliveBypassWindow(pool));
	}

	private Duration validationTimeout(MailTlsProperties.Pool pool) {
		Duration read = timeout("read", this.tls.getTimeouts().getRead());
		if (pool.getValidationTimeout() == null) {
			return PoolSettings.defaultValidationTimeout(read);
		}
		Duration validationTimeout = duration("mail.tls.pool.validation-timeout", pool.getValidationTimeout());
		if (validationTimeout.compareTo(read) >= 0) {
			// A check as long as a read would let dead pooled connections block a send
			// as long as without a pool, once per connection.
			throw new MailTlsConfigurationException("mail.tls.pool.validation-timeout",
					"'%s' is not shorter than mail.tls.timeouts.read (%s)".formatted(validationTimeout, read),
					"Set mail.tls.pool.validation-timeout below mail.tls.timeouts.read, for example 2s.");
		}
		return validationTimeout;
	}

	private static Duration aliveBypassWindow(MailTlsProperties.Pool pool) {
		Duration window = pool.getAliveBypassWindow();
		if (window == null || window.isNegative()) {
			throw new MailTlsConfigurationException("mail.tls.pool.alive-bypass-window",
					"'%s' is not a duration of zero or more".formatted(window),
					"Set mail.tls.pool.alive-bypass-window to a short duration such as 500ms, or 0 to check every reuse.");
		}
		return window;
	}

	private static int positive(String property, int value) {
		if (value < 1) {
			throw new MailTlsConfigurationException(property, "'%d' is not a positive number".formatted(value),
					"Set %s to 1 or more, or set mail.tls.pool.enabled=false.".formatted(property));
		}
		return value;
	}

	private static Duration timeout(String name, @Nullable Duration value) {
		return duration("mail.tls.timeouts." + name, value);
	}

	private static Duration duration(String property, @Nullable Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new MailTlsConfigurationException(property, "'%s' is not a positive duration".formatted(value),
					"Set %s to a positive duration such as 30s.".formatted(property));
		}
		return value;
	}

}
