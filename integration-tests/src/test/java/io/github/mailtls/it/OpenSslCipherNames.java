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
package io.github.mailtls.it;

import java.util.Map;

/**
 * Translates the cipher suite names that OpenSSL (and so Postfix) prints into the IANA
 * names that JSSE uses ({@code SSLSession.getCipherSuite()}).
 * <p>
 * TLS 1.3 suites have the same name in both worlds ({@code TLS_AES_256_GCM_SHA384}). TLS
 * 1.2 suites differ: OpenSSL says {@code ECDHE-RSA-AES256-GCM-SHA384} where Java says
 * {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}. The table holds the TLS 1.2 suites that
 * OpenSSL 3 and the JDK have in common (from {@code openssl ciphers -stdname}).
 */
public final class OpenSslCipherNames {

	private static final Map<String, String> OPENSSL_TO_IANA = Map.ofEntries(
			Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
			Map.entry("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
			Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
			Map.entry("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
			Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
			Map.entry("ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
			Map.entry("DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
			Map.entry("DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
			Map.entry("DHE-RSA-CHACHA20-POLY1305", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
			Map.entry("ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
			Map.entry("ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
			Map.entry("ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
			Map.entry("ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
			Map.entry("ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
			Map.entry("ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
			Map.entry("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
			Map.entry("ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
			Map.entry("DHE-RSA-AES256-SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
			Map.entry("DHE-RSA-AES128-SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"),
			Map.entry("DHE-RSA-AES256-SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
			Map.entry("DHE-RSA-AES128-SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
			Map.entry("AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384"),
			Map.entry("AES128-GCM-SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
			Map.entry("AES256-SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256"),
			Map.entry("AES128-SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256"),
			Map.entry("AES256-SHA", "TLS_RSA_WITH_AES_256_CBC_SHA"),
			Map.entry("AES128-SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"));

	private OpenSslCipherNames() {
	}

	static Map<String, String> table() {
		return OPENSSL_TO_IANA;
	}

	/**
	 * Return the IANA/JSSE name of a cipher suite named the OpenSSL way.
	 * @param openSslName the name printed by OpenSSL or Postfix
	 * @return the name {@code SSLSession.getCipherSuite()} reports for the same suite
	 * @throws IllegalArgumentException if the name is not known
	 */
	public static String toJava(String openSslName) {
		if (openSslName.startsWith("TLS_")) {
			// TLS 1.3 suites (and names that are already IANA names).
			return openSslName;
		}
		String ianaName = OPENSSL_TO_IANA.get(openSslName);
		if (ianaName == null) {
			throw new IllegalArgumentException("No IANA name known for OpenSSL cipher '" + openSslName + "'");
		}
		return ianaName;
	}

}
