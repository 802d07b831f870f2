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

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.github.mailtls.smtp.RawProperty.owned;
import static io.github.mailtls.smtp.RawProperty.passes;
import static io.github.mailtls.smtp.RawProperty.refused;
import static io.github.mailtls.smtp.RawProperty.refusedUnless;

/**
 * The fate of every Jakarta Mail key that Angus Mail 2.0.5's SMTP transport, its socket
 * fetcher and the Jakarta Mail session read. README's "Raw Jakarta Mail properties" table
 * is this list; a test keeps the two equal.
 */
final class RawProperties {

	private static final String TUNNEL = "nothing: connections through a proxy are not supported, because the "
			+ "policy cannot check what the tunnel reaches; connect directly, or run a relay on the local host";

	private static final String NO_PROXY_SECRET = TUNNEL + " (never put its password in the properties)";

	/**
	 * Words that make an unknown {@code mail.smtp.*} key refused rather than passed on:
	 * keys of a future Angus under these names would touch TLS, sockets or routing.
	 */
	static final List<String> SENSITIVE_WORDS = List.of("ssl", "tls", "trust", "socketfactory", "hostnameverifier",
			"socks", "proxy", "class");

	static final List<RawProperty> TABLE = List.of(
			// Transport and connection target
			owned("mail.smtp.class", "nothing: the session always makes the enforcing transport"),
			owned("mail.transport.protocol", "nothing: the session's transport is the enforcing SMTP transport"),
			owned("mail.transport.protocol.rfc822",
					"nothing: Transport.send uses the enforcing SMTP transport for every address"),
			owned("mail.smtp.host", "spring.mail.host"), owned("mail.smtp.port", "spring.mail.port"),
			owned("mail.smtp.user", "spring.mail.username"),
			// TLS
			owned("mail.smtp.ssl.enable", "mail.tls.mode"), owned("mail.smtp.starttls.enable", "mail.tls.mode"),
			owned("mail.smtp.starttls.required", "mail.tls.mode"),
			owned("mail.smtp.ssl.protocols", "mail.tls.protocols"),
			owned("mail.smtp.ssl.ciphersuites", "mail.tls.cipher-suites"),
			owned("mail.smtp.ssl.checkserveridentity", "mail.tls.verify-hostname"),
			owned("mail.smtp.ssl.hostnameverifier", "mail.tls.verify-hostname"),
			refused("mail.smtp.ssl.hostnameverifier.class", "mail.tls.verify-hostname"),
			refused("mail.smtp.ssl.trust",
					"mail.tls.ssl-bundle (ssl.trust trusts hosts without verifying their certificate)"),
			owned("mail.smtp.ssl.socketFactory", "mail.tls.ssl-bundle"),
			refused("mail.smtp.ssl.socketFactory.class", "mail.tls.ssl-bundle"),
			refused("mail.smtp.ssl.socketFactory.port", "spring.mail.port"),
			owned("mail.smtp.socketFactory", "nothing: the policy creates every socket"),
			refused("mail.smtp.socketFactory.class", "nothing: the policy creates every socket"),
			refused("mail.smtp.socketFactory.port", "spring.mail.port"),
			owned("mail.smtp.socketFactory.fallback",
					"nothing: a fallback reconnects with the JVM's default trust store"),
			refusedUnless("mail.smtp.ehlo", "true",
					"nothing: without EHLO the session never learns of STARTTLS, which defeats STARTTLS and the "
							+ "downgrade memory"),
			// Tunnels
			refused("mail.smtp.proxy.host", TUNNEL), refused("mail.smtp.proxy.port", TUNNEL),
			refused("mail.smtp.proxy.user", TUNNEL), refused("mail.smtp.proxy.password", NO_PROXY_SECRET),
			refused("mail.smtp.socks.host", TUNNEL), refused("mail.smtp.socks.port", TUNNEL),
			// Timeouts and connection reuse
			owned("mail.smtp.connectiontimeout", "mail.tls.timeouts.connect"),
			owned("mail.smtp.timeout", "mail.tls.timeouts.read"),
			owned("mail.smtp.writetimeout", "mail.tls.timeouts.write"),
			owned("mail.smtp.executor.writetimeout", "nothing: the sender times writes on its own thread"),
			owned("mail.smtp.userset", "nothing: pooled connections are checked with RSET"),
			// Logging
			refusedUnless("mail.debug", "false",
					"logging.level.io.github.mailtls (it prints the SMTP transcript, with addresses, subjects and "
							+ "bodies, to standard output around the logging system)"),
			refusedUnless("mail.debug.auth", "false", "nothing: it prints the Base64 user name and password"),
			refusedUnless("mail.debug.auth.password", "false", "nothing: it prints the password"),
			passes("mail.debug.auth.username", "only read with mail.debug.auth, which is refused"),
			passes("mail.debug.quote", "only read with mail.debug, which is refused"),
			// Authentication
			passes("mail.smtp.auth", "credentials go only over TLS whatever its value"),
			passes("mail.smtp.auth.mechanisms",
					"any mechanism is sent only over TLS; the OAuth2 settings (mail.tls.oauth2.*) choose XOAUTH2"),
			passes("mail.smtp.auth.login.disable", "narrows the mechanisms"),
			passes("mail.smtp.auth.plain.disable", "narrows the mechanisms"),
			passes("mail.smtp.auth.digest-md5.disable", "narrows the mechanisms"),
			passes("mail.smtp.auth.ntlm.disable", "narrows the mechanisms"),
			passes("mail.smtp.auth.xoauth2.disable", "narrows the mechanisms"),
			passes("mail.smtp.auth.ntlm.domain", "NTLM parameter, sent only over TLS"),
			passes("mail.smtp.auth.ntlm.flags", "NTLM parameter, sent only over TLS"),
			passes("mail.smtp.auth.ntlm.v2", "NTLM parameter, sent only over TLS"),
			passes("mail.smtp.sasl.enable", "SASL exchanges are sent only over TLS"),
			passes("mail.smtp.sasl.mechanisms", "SASL exchanges are sent only over TLS"),
			passes("mail.smtp.sasl.authorizationid", "SASL exchanges are sent only over TLS"),
			passes("mail.smtp.sasl.realm", "SASL exchanges are sent only over TLS"),
			passes("mail.smtp.saslrealm", "SASL exchanges are sent only over TLS"),
			passes("mail.smtp.sasl.usecanonicalhostname", "SASL exchanges are sent only over TLS"),
			// Envelope and message
			passes("mail.smtp.from", "envelope sender"), passes("mail.smtp.submitter", "AUTH= parameter of MAIL FROM"),
			passes("mail.smtp.dsn.notify", "DSN parameter of RCPT TO"),
			passes("mail.smtp.dsn.ret", "DSN parameter of MAIL FROM"),
			passes("mail.smtp.mailextension",
					"appended to MAIL FROM; REQUIRETLS is added by mail.tls.require-tls-extension, not here"),
			passes("mail.smtp.allow8bitmime", "content transfer encoding"),
			passes("mail.smtp.chunksize", "BDAT chunk size"),
			passes("mail.smtp.sendpartial",
					"delivers to the valid recipients; Spring still reports the message as failed"),
			refusedUnless("mail.smtp.reportsuccess", "false",
					"nothing: it turns every accepted recipient into an exception, so Spring would report "
							+ "delivered messages as failed and callers would send them again"),
			passes("mail.mime.allowutf8", "SMTPUTF8 for international addresses"),
			passes("mail.from", "default sender address"),
			passes("mail.host", "host name in Message-ID and the default sender address"),
			passes("mail.user", "user part of the default sender address"),
			// Session behaviour
			passes("mail.smtp.localhost", "name sent with EHLO"),
			passes("mail.smtp.localaddress", "local address to bind"),
			passes("mail.smtp.localport", "local port to bind"),
			refusedUnless("mail.smtp.usesocketchannels", "false",
					"nothing: socket channels bypass the policy's socket factory, and with it the reply bounds and "
							+ "the pool's bounded checks"),
			passes("mail.smtp.quitwait", "whether to wait for the reply to QUIT"),
			passes("mail.smtp.quitonsessionreject", "whether to send QUIT after a rejected greeting"),
			passes("mail.smtp.noop.strict", "how a NOOP reply is judged"), passes("mail.event.scope", "event dispatch"),
			passes("mail.event.executor", "event dispatch"));

	private RawProperties() {
	}

	/**
	 * Return the row for a key, or what an unknown key gets: a key that Angus does not
	 * read passes through unless it sits under {@code mail.smtp.}/{@code mail.smtps.} and
	 * names TLS, sockets, tunnels or classes.
	 * @param key a raw key
	 * @return the row, or empty for a key that no row covers
	 */
	static Optional<RawProperty> find(String key) {
		return TABLE.stream().filter((property) -> property.matches(key)).findFirst();
	}

	static boolean isSensitiveUnknown(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		if (!lower.startsWith(RawProperty.SMTP) && !lower.startsWith(RawProperty.SMTPS)) {
			return false;
		}
		return SENSITIVE_WORDS.stream().anyMatch(lower::contains);
	}

	static boolean isSmtpKey(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.startsWith(RawProperty.SMTP) || lower.startsWith(RawProperty.SMTPS);
	}

}
