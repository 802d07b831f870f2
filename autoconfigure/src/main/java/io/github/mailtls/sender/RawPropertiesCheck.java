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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;

/**
 * Rejects raw Jakarta Mail properties that would weaken the TLS policy, and warns about
 * those that mail-tls replaces. Raw keys are never silently obeyed: a key that agrees
 * with the policy is redundant and logged, any other TLS or socket key fails startup.
 *
 * @since 0.1.0
 */
public final class RawPropertiesCheck {

	private static final Log logger = LogFactory.getLog(RawPropertiesCheck.class);

	private static final List<String> PREFIXES = List.of("mail.smtp.", "mail.smtps.");

	private static final Map<String, String> REPLACED_BY = Map.ofEntries(
			Map.entry("ssl.trust", "mail.tls.ssl-bundle (it trusts hosts without verifying their certificate)"),
			Map.entry("ssl.checkserveridentity", "mail.tls.verify-hostname"),
			Map.entry("ssl.hostnameverifier", "mail.tls.verify-hostname"),
			Map.entry("ssl.hostnameverifier.class", "mail.tls.verify-hostname"),
			Map.entry("ssl.socketfactory", "mail.tls.ssl-bundle"),
			Map.entry("ssl.socketfactory.class", "mail.tls.ssl-bundle"),
			Map.entry("ssl.socketfactory.port", "spring.mail.port"), Map.entry("socketfactory", "mail.tls.ssl-bundle"),
			Map.entry("socketfactory.class", "mail.tls.ssl-bundle"),
			Map.entry("socketfactory.port", "spring.mail.port"),
			Map.entry("socketfactory.fallback", "nothing: a fallback reconnects with the JVM's default trust"),
			Map.entry("ssl.protocols", "mail.tls.protocols"), Map.entry("ssl.ciphersuites", "mail.tls.cipher-suites"),
			Map.entry("ssl.enable", "mail.tls.mode"), Map.entry("starttls.enable", "mail.tls.mode"),
			Map.entry("starttls.required", "mail.tls.mode"));

	private static final Map<String, String> TIMEOUTS = Map.of("connectiontimeout", "mail.tls.timeouts.connect",
			"timeout", "mail.tls.timeouts.read", "writetimeout", "mail.tls.timeouts.write");

	private RawPropertiesCheck() {
	}

	/**
	 * Check raw properties against the enforced ones.
	 * @param raw the raw properties, for example {@code spring.mail.properties.*}
	 * @param enforced the properties the policy sets
	 * @param mode the effective mode
	 * @throws MailTlsConfigurationException if a raw key would change the enforced
	 * behaviour
	 */
	public static void check(Map<?, ?> raw, Properties enforced, TlsMode mode) {
		List<String> conflicts = new ArrayList<>();
		for (Map.Entry<?, ?> entry : raw.entrySet()) {
			String key = String.valueOf(entry.getKey());
			String suffix = suffixOf(key);
			if (suffix == null) {
				continue;
			}
			if (TIMEOUTS.containsKey(suffix)) {
				logger.warn("Ignoring '%s': mail-tls sets timeouts from %s".formatted(key, TIMEOUTS.get(suffix)));
			}
			else if (REPLACED_BY.containsKey(suffix)) {
				Object enforcedValue = enforced.get("mail.smtp." + originalSuffix(key));
				if (enforcedValue != null && enforcedValue.equals(String.valueOf(entry.getValue()).trim())) {
					logger.warn("Ignoring redundant '%s': mail-tls enforces it (mail.tls.mode=%s)".formatted(key,
							mode.value()));
				}
				else {
					conflicts.add("'%s=%s' (use %s)".formatted(key, entry.getValue(), REPLACED_BY.get(suffix)));
				}
			}
		}
		if (!conflicts.isEmpty()) {
			throw new MailTlsConfigurationException("spring.mail.properties",
					"raw Jakarta Mail properties would weaken or bypass the TLS policy: "
							+ String.join(", ", conflicts),
					"Remove these keys from spring.mail.properties and use the mail.tls.* property named for each.");
		}
	}

	private static String originalSuffix(String key) {
		return key.substring(key.indexOf('.', "mail.".length()) + 1);
	}

	private static @Nullable String suffixOf(String key) {
		for (String prefix : PREFIXES) {
			if (key.startsWith(prefix)) {
				return key.substring(prefix.length()).toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

}
