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

import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OpenSslCipherNames}.
 */
class OpenSslCipherNamesTests {

	@Test
	void tls13NamesAreTheSame() {
		assertThat(OpenSslCipherNames.toJava("TLS_AES_256_GCM_SHA384")).isEqualTo("TLS_AES_256_GCM_SHA384");
		assertThat(OpenSslCipherNames.toJava("TLS_CHACHA20_POLY1305_SHA256")).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
	}

	@Test
	void tls12NamesAreTranslated() {
		assertThat(OpenSslCipherNames.toJava("ECDHE-RSA-AES256-GCM-SHA384"))
			.isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
		assertThat(OpenSslCipherNames.toJava("ECDHE-ECDSA-CHACHA20-POLY1305"))
			.isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
		assertThat(OpenSslCipherNames.toJava("ECDHE-RSA-AES128-SHA")).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
	}

	@Test
	void everyTranslatedNameIsOneTheJdkKnows() throws Exception {
		List<String> supported = List.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
		// JDK 24 and later no longer list the static RSA key exchange suites at all.
		List<String> forwardSecret = OpenSslCipherNames.table()
			.values()
			.stream()
			.filter((name) -> !name.startsWith("TLS_RSA_"))
			.toList();
		assertThat(forwardSecret).isNotEmpty();
		assertThat(supported).containsAll(forwardSecret);
	}

	@Test
	void unknownNamesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> OpenSslCipherNames.toJava("ECDHE-RSA-CAMELLIA256-SHA384"))
			.withMessageContaining("ECDHE-RSA-CAMELLIA256-SHA384");
	}

}
