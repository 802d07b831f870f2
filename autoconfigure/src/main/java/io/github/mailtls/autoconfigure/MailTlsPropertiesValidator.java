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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

import io.github.mailtls.oauth2.MailTlsAccessTokenProvider;
import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.pool.PoolSettings;

/**
 * Every check of the {@code mail.tls.*} properties, and of the {@code spring.mail.*}
 * properties they depend on, in one place. A failed check throws a
 * {@link MailTlsConfigurationException} that names the property and the fix, which
 * {@link MailTlsConfigurationFailureAnalyzer} reports at startup.
 * <p>
 * {@link #validate()} checks what the properties alone decide, once, before anything is
 * built; the other methods check what needs more than the properties (the JDK's cipher
 * suites, an SSL bundle, an OAuth2 client registration) where that is known.
 */
final class MailTlsPropertiesValidator {

	static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	private static final Set<String> LEGACY_PROTOCOLS = Set.of("SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");

	private final MailProperties mail;

	private final MailTlsProperties tls;

	MailTlsPropertiesValidator(MailProperties mail, MailTlsProperties tls) {
		this.mail = mail;
		this.tls = tls;
	}

	/**
	 * Check every property that needs nothing but the properties.
	 * @return the values the checked properties give
	 */
	ValidatedProperties validate() {
		List<String> pins = pinnedPublicKeys();
		TlsMode configuredMode = configuredMode();
		int port = port(configuredMode);
		TlsMode mode = configuredMode.resolve(port);
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
		List<String> protocols = protocols();
		Duration connect = timeout("connect", this.tls.getTimeouts().getConnect());
		Duration read = timeout("read", this.tls.getTimeouts().getRead());
		Duration write = timeout("write", this.tls.getTimeouts().getWrite());
		return new ValidatedProperties(configuredMode, mode, port, protocols, pins, connect, read, write,
				poolSettings(connect, read));
	}

	private TlsMode configuredMode() {
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

	private int port(TlsMode configuredMode) {
		if (this.mail.getPort() != null) {
			return this.mail.getPort();
		}
		return (configuredMode == TlsMode.IMPLICIT) ? TlsMode.IMPLICIT_TLS_PORT : 25;
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

	private List<String> pinnedPublicKeys() {
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
		return List.copyOf(pins);
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

	private @Nullable PoolSettings poolSettings(Duration connect, Duration read) {
		MailTlsProperties.Pool pool = this.tls.getPool();
		if (!pool.isEnabled()) {
			return null;
		}
		Duration maxWait = (pool.getMaxWait() != null) ? duration("mail.tls.pool.max-wait", pool.getMaxWait())
				: connect;
		return new PoolSettings(positive("mail.tls.pool.max-connections", pool.getMaxConnections()),
				positive("mail.tls.pool.max-messages-per-connection", pool.getMaxMessagesPerConnection()),
				duration("mail.tls.pool.idle-timeout", pool.getIdleTimeout()),
				duration("mail.tls.pool.max-connection-age", pool.getMaxConnectionAge()), maxWait,
				validationTimeout(pool, read), aliveBypassWindow(pool), pool.isOpenAhead());
	}

	private static Duration validationTimeout(MailTlsProperties.Pool pool, Duration read) {
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

	/**
	 * Check {@code mail.tls.cipher-suites} against what the JDK supports.
	 * @param supported the cipher suites of the SSL context
	 * @return the configured cipher suites, empty for the JDK's defaults
	 */
	List<String> cipherSuites(Set<String> supported) {
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

	/**
	 * Return the name of the SSL bundle that supplies the trust material:
	 * {@code mail.tls.ssl-bundle}, else {@code spring.mail.ssl.bundle}.
	 * @return the name, or {@code null} for the JDK trust store
	 */
	@Nullable String bundleName() {
		if (StringUtils.hasText(this.tls.getSslBundle())) {
			return this.tls.getSslBundle();
		}
		return StringUtils.hasText(this.mail.getSsl().getBundle()) ? this.mail.getSsl().getBundle() : null;
	}

	/**
	 * Return the named SSL bundle, which must exist.
	 * @param sslBundles the application's bundles, if any
	 * @param name the name from {@link #bundleName()}
	 * @return the bundle
	 */
	SslBundle bundle(@Nullable SslBundles sslBundles, String name) {
		if (sslBundles == null) {
			throw missingBundle(name);
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw missingBundle(name);
		}
	}

	private MailTlsConfigurationException missingBundle(String name) {
		String property = StringUtils.hasText(this.tls.getSslBundle()) ? "mail.tls.ssl-bundle"
				: "spring.mail.ssl.bundle";
		return new MailTlsConfigurationException(property, "there is no SSL bundle named '%s'".formatted(name),
				"Define it under spring.ssl.bundle.pem.%s or spring.ssl.bundle.jks.%s, or fix the name.".formatted(name,
						name));
	}

	/**
	 * Explain why {@code mail.tls.downgrade-memory-file} cannot be used.
	 * @param reason why the file cannot be read
	 * @return the exception to throw
	 */
	MailTlsConfigurationException unreadableDowngradeMemoryFile(@Nullable String reason) {
		return new MailTlsConfigurationException("mail.tls.downgrade-memory-file",
				"'%s' cannot be read (%s)".formatted(this.tls.getDowngradeMemoryFile(), reason),
				"Point mail.tls.downgrade-memory-file at a readable file (it is created when missing), or remove it.");
	}

	/**
	 * Narrow the protocols by the SSL bundle's {@code options.enabled-protocols}.
	 * @param bundle the bundle's options
	 * @param allowed the protocols {@code mail.tls.protocols} allows
	 * @return the protocols both allow
	 */
	static List<String> restrictProtocols(BundleOptions bundle, List<String> allowed) {
		Set<String> protocols = bundle.protocols();
		if (protocols == null) {
			return allowed;
		}
		List<String> common = allowed.stream().filter(protocols::contains).toList();
		if (common.isEmpty()) {
			throw new MailTlsConfigurationException("mail.tls.protocols",
					"none of %s is also in %s %s".formatted(allowed, bundle.property("enabled-protocols"), protocols),
					"Allow at least one protocol in both mail.tls.protocols and %s, or remove one of them."
						.formatted(bundle.property("enabled-protocols")));
		}
		return common;
	}

	/**
	 * Narrow the cipher suites by the SSL bundle's {@code options.ciphers}.
	 * @param bundle the bundle's options
	 * @param allowed the cipher suites {@code mail.tls.cipher-suites} allows, empty for
	 * all
	 * @param supported the cipher suites the JDK supports
	 * @return the cipher suites both allow
	 */
	static List<String> restrictCipherSuites(BundleOptions bundle, List<String> allowed, Set<String> supported) {
		Set<String> cipherSuites = bundle.cipherSuites();
		if (cipherSuites == null) {
			return allowed;
		}
		for (String cipherSuite : cipherSuites) {
			if (!supported.contains(cipherSuite)) {
				throw new MailTlsConfigurationException(bundle.property("ciphers"),
						"'%s' is not a cipher suite this JDK supports".formatted(cipherSuite),
						"Use JSSE cipher suite names in %s, or remove it.".formatted(bundle.property("ciphers")));
			}
		}
		if (allowed.isEmpty()) {
			return List.copyOf(cipherSuites);
		}
		List<String> common = allowed.stream().filter(cipherSuites::contains).toList();
		if (common.isEmpty()) {
			throw new MailTlsConfigurationException("mail.tls.cipher-suites",
					"none of %s is also in %s %s".formatted(allowed, bundle.property("ciphers"), cipherSuites),
					"Allow at least one cipher suite in both mail.tls.cipher-suites and %s, or remove one of them."
						.formatted(bundle.property("ciphers")));
		}
		return common;
	}

	/**
	 * Check the OAuth2 settings against the policy: tokens need TLS, a mailbox as user
	 * name and, when a registration id is given, a provider built from it.
	 * @param tls the properties
	 * @param mode the effective TLS mode
	 * @param username {@code spring.mail.username}
	 * @param hasProvider whether there is a token provider
	 */
	static void validateAccessTokens(MailTlsProperties tls, TlsMode mode, @Nullable String username,
			boolean hasProvider) {
		String registrationId = tls.getOauth2().getClientRegistrationId();
		if (!hasProvider) {
			if (StringUtils.hasText(registrationId)) {
				throw new MailTlsConfigurationException("mail.tls.oauth2.client-registration-id",
						"it is set to '%s' but Spring Security's OAuth2 client is not on the classpath"
							.formatted(registrationId),
						"Add org.springframework.boot:spring-boot-starter-security-oauth2-client, or remove the property.");
			}
			return;
		}
		if (mode == TlsMode.NONE) {
			throw new MailTlsConfigurationException("mail.tls.mode",
					"'none' sends everything in plaintext, and an OAuth2 access token is never sent without TLS",
					"Use mail.tls.mode=auto, implicit or starttls with a server that offers TLS, or remove the token "
							+ "provider (mail.tls.oauth2.client-registration-id or the "
							+ MailTlsAccessTokenProvider.class.getSimpleName() + " bean).");
		}
		if (!StringUtils.hasText(username)) {
			throw new MailTlsConfigurationException("spring.mail.username",
					"it is empty, and OAuth2 authentication needs the mailbox to send as",
					"Set spring.mail.username to the mailbox address, for example noreply@example.com.");
		}
	}

	/**
	 * Check the client registration that {@code mail.tls.oauth2.client-registration-id}
	 * names.
	 * @param id the registration id
	 * @param hasRegistrations whether there is a client registration repository
	 * @param grantType the registration's grant type, or {@code null} when there is no
	 * registration with that id
	 */
	static void validateClientRegistration(String id, boolean hasRegistrations, @Nullable String grantType) {
		String property = "mail.tls.oauth2.client-registration-id";
		if (!hasRegistrations) {
			throw new MailTlsConfigurationException(property, "there are no OAuth2 client registrations",
					("Define spring.security.oauth2.client.registration.%s.* (with "
							+ "org.springframework.boot:spring-boot-security-oauth2-client on the classpath), or a "
							+ "ClientRegistrationRepository bean.")
						.formatted(id));
		}
		if (grantType == null) {
			throw new MailTlsConfigurationException(property, "there is no client registration '%s'".formatted(id),
					"Define spring.security.oauth2.client.registration.%s.* or fix the id.".formatted(id));
		}
		if (!grantType.equals("client_credentials")) {
			throw new MailTlsConfigurationException(
					"spring.security.oauth2.client.registration.%s.authorization-grant-type".formatted(id),
					"'%s' needs a user in a browser, and mail is sent without one".formatted(grantType),
					("Use client_credentials (Microsoft 365 app-only access), or define a %s bean for other grants "
							+ "such as Google's JWT bearer.")
						.formatted(MailTlsAccessTokenProvider.class.getSimpleName()));
		}
	}

	/**
	 * Check a {@code mail.tls.health.*} duration.
	 * @param property the property
	 * @param value its value
	 * @return the value, zero or more
	 */
	static Duration healthDuration(String property, Duration value) {
		if (value.isNegative()) {
			throw new MailTlsConfigurationException(property, "'%s' is negative".formatted(value),
					"Set %s to zero or a positive duration such as 60s.".formatted(property));
		}
		return value;
	}

	/**
	 * Check {@code mail.tls.endpoint.recent-sends}.
	 * @param recentSends its value
	 * @return the value, zero or more
	 */
	static int recentSends(int recentSends) {
		if (recentSends < 0) {
			throw new MailTlsConfigurationException("mail.tls.endpoint.recent-sends",
					"'%d' is negative".formatted(recentSends),
					"Set mail.tls.endpoint.recent-sends to zero or a positive number such as 20.");
		}
		return recentSends;
	}

	/**
	 * What the properties give once {@link #validate() checked}.
	 *
	 * @param configuredMode the mode asked for
	 * @param mode the mode for the port
	 * @param port the server port
	 * @param protocols the allowed TLS protocols
	 * @param pinnedPublicKeys the well-formed pins
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @param writeTimeout the write timeout
	 * @param poolSettings the pool's settings, or {@code null} without a pool
	 */
	record ValidatedProperties(TlsMode configuredMode, TlsMode mode, int port, List<String> protocols,
			List<String> pinnedPublicKeys, Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
			@Nullable PoolSettings poolSettings) {

	}

}
