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

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslOptions;

/**
 * The {@code options.enabled-protocols} and {@code options.ciphers} of the SSL bundle
 * that supplies the trust material. They can only narrow the policy: the effective
 * protocols are those allowed by {@code mail.tls.protocols} and the bundle, the effective
 * cipher suites those allowed by {@code mail.tls.cipher-suites} (all, when it is empty)
 * and the bundle; {@link MailTlsPropertiesValidator} checks and narrows.
 *
 * @param bundleName the bundle's name, for messages
 * @param protocols the bundle's protocols, or {@code null} when it sets none
 * @param cipherSuites the bundle's cipher suites, or {@code null} when it sets none
 */
record BundleOptions(String bundleName, @Nullable Set<String> protocols, @Nullable Set<String> cipherSuites) {

	static final BundleOptions NONE = new BundleOptions("", null, null);

	static BundleOptions of(String bundleName, SslOptions options) {
		return new BundleOptions(bundleName, trimmed(options.getEnabledProtocols()), trimmed(options.getCiphers()));
	}

	/**
	 * Return the name of one of the bundle's options, for messages.
	 */
	String property(String option) {
		return "spring.ssl.bundle.*.%s.options.%s".formatted(this.bundleName, option);
	}

	private static @Nullable Set<String> trimmed(String @Nullable [] values) {
		if (values == null) {
			return null;
		}
		Set<String> set = new LinkedHashSet<>();
		for (String value : values) {
			if (!value.isBlank()) {
				set.add(value.trim());
			}
		}
		return set.isEmpty() ? null : set;
	}

}
