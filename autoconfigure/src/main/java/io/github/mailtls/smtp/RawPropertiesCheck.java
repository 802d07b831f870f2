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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;

/**
 * Applies the {@link RawProperties raw-key table} to {@code spring.mail.properties.*}: a
 * key owned by the policy may only repeat the policy's value (and is then ignored with a
 * warning), a refused key fails startup, every other key passes through. Values never
 * appear in messages: raw keys can carry user names and passwords.
 *
 * @since 0.1.0
 */
public final class RawPropertiesCheck {

	private static final Log logger = LogFactory.getLog(RawPropertiesCheck.class);

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
			String value = String.valueOf(entry.getValue()).trim();
			Optional<RawProperty> property = RawProperties.find(key);
			if (property.isEmpty()) {
				checkUnknown(key, conflicts);
				continue;
			}
			switch (property.get().fate()) {
				case OWNED -> checkOwned(key, value, property.get(), enforced, mode, conflicts);
				case REFUSED -> {
					if (!property.get().isHarmless(value)) {
						conflicts.add("'%s' (use %s)".formatted(key, property.get().use()));
					}
				}
				case PASSES_THROUGH -> {
				}
			}
		}
		if (!conflicts.isEmpty()) {
			throw new MailTlsConfigurationException("spring.mail.properties",
					"raw Jakarta Mail properties would weaken or bypass the TLS policy: "
							+ String.join(", ", conflicts),
					"Remove these keys from spring.mail.properties and use what is named for each; "
							+ "README's 'Raw Jakarta Mail properties' table gives the fate of every key.");
		}
	}

	private static void checkOwned(String key, String value, RawProperty property, Properties enforced, TlsMode mode,
			List<String> conflicts) {
		Object enforcedValue = enforcedValue(key, enforced);
		if (enforcedValue instanceof String text && text.equalsIgnoreCase(value)) {
			logger.warn("Ignoring redundant '%s': mail-tls sets it (mail.tls.mode=%s)".formatted(key, mode.value()));
			return;
		}
		String policyValue = (enforcedValue instanceof String text) ? ", the policy sets '" + text + "'" : "";
		conflicts.add("'%s' (use %s%s)".formatted(key, property.use(), policyValue));
	}

	private static @Nullable Object enforcedValue(String key, Properties enforced) {
		Object value = enforced.get(key);
		if (value == null && key.startsWith(RawProperty.SMTPS)) {
			value = enforced.get(RawProperty.SMTP + key.substring(RawProperty.SMTPS.length()));
		}
		return value;
	}

	private static void checkUnknown(String key, List<String> conflicts) {
		if (RawProperties.isSensitiveUnknown(key)) {
			conflicts.add("'%s' (unknown key about TLS, sockets or tunnels: nothing replaces it)".formatted(key));
		}
		else if (RawProperties.isSmtpKey(key)) {
			logger.warn("Passing on '%s', which Angus Mail's SMTP transport does not read: check its spelling"
				.formatted(key));
		}
	}

}
