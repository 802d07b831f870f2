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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every spelling of one server gives one {@link ServerKey}.
 */
class ServerKeyTests {

	@Test
	void hostNamesShouldIgnoreCaseAndATrailingDot() {
		assertThat(ServerKey.of("LOCALHOST", 25)).isEqualTo(ServerKey.of("localhost", 25))
			.isEqualTo(ServerKey.of("localhost.", 25))
			.isEqualTo(ServerKey.of("LocalHost.", 25))
			.isEqualTo(ServerKey.of(" localhost ", 25));
		assertThat(ServerKey.of("LOCALHOST.", 25).host()).isEqualTo("localhost");
	}

	@Test
	void differentPortsShouldBeDifferentServers() {
		assertThat(ServerKey.of("localhost", 25)).isNotEqualTo(ServerKey.of("localhost", 587));
	}

	@Test
	void internationalisedNamesShouldUseTheirALabel() {
		assertThat(ServerKey.of("Bücher.Example", 25).host()).isEqualTo("xn--bcher-kva.example");
		assertThat(ServerKey.of("BÜCHER.example.", 25)).isEqualTo(ServerKey.of("xn--bcher-kva.EXAMPLE", 25));
	}

	@Test
	void ipv6LiteralsShouldTakeOneCanonicalForm() {
		ServerKey canonical = ServerKey.of("2001:db8::1", 25);
		assertThat(ServerKey.of("[2001:DB8::1]", 25)).isEqualTo(canonical);
		assertThat(ServerKey.of("2001:0db8:0000:0000:0000:0000:0000:0001", 25)).isEqualTo(canonical);
		assertThat(ServerKey.of("2001:db8:0:0::1", 25)).isEqualTo(canonical);
		assertThat(canonical.host()).isEqualTo("2001:db8::1");
		assertThat(ServerKey.of("0:0:0:0:0:0:0:1", 25).host()).isEqualTo("::1");
		assertThat(ServerKey.of("::", 25).host()).isEqualTo("::");
		// RFC 5952 4.2.3: the first of two equally long zero runs is compressed.
		assertThat(ServerKey.of("2001:db8:0:0:1:0:0:1", 25).host()).isEqualTo("2001:db8::1:0:0:1");
		// RFC 5952 4.2.2: a single zero group is not compressed.
		assertThat(ServerKey.of("2001:db8:0:1:1:1:1:1", 25).host()).isEqualTo("2001:db8:0:1:1:1:1:1");
	}

	@Test
	void ipv4LiteralsShouldBeKeptAsTheyAre() {
		assertThat(ServerKey.of("127.0.0.1", 25).host()).isEqualTo("127.0.0.1");
		assertThat(ServerKey.of("::ffff:127.0.0.1", 25)).isEqualTo(ServerKey.of("127.0.0.1", 25));
	}

	@Test
	void textFormShouldRoundTrip() {
		for (ServerKey key : new ServerKey[] { ServerKey.of("mail.example.org", 587), ServerKey.of("::1", 25),
				ServerKey.of("127.0.0.1", 465) }) {
			assertThat(ServerKey.parse(key.toString())).isEqualTo(key);
		}
		assertThat(ServerKey.of("::1", 25)).hasToString("[::1]:25");
		assertThat(ServerKey.parse("LOCALHOST.:2525")).isEqualTo(ServerKey.of("localhost", 2525));
		assertThat(ServerKey.parse("::1:25")).isEqualTo(ServerKey.of("::1", 25));
	}

	@Test
	void parseShouldRejectTextWithoutAPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServerKey.parse("localhost"));
		assertThatIllegalArgumentException().isThrownBy(() -> ServerKey.parse("localhost:"));
		assertThatIllegalArgumentException().isThrownBy(() -> ServerKey.parse("localhost:smtp"));
	}

}
