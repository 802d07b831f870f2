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

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mailtls.policy.MailTlsConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The STARTTLS memory keys servers by their canonical spelling, in memory and in its
 * file.
 */
class StartTlsMemoryTests {

	@Test
	void anotherSpellingOfARememberedServerShouldBeRemembered() {
		StartTlsMemory memory = new StartTlsMemory(null);
		memory.rememberOffered("localhost:25");
		assertThat(memory.offeredBefore("LOCALHOST:25")).isTrue();
		assertThat(memory.offeredBefore("localhost.:25")).isTrue();
		assertThat(memory.offeredBefore("localhost:587")).isFalse();
		memory.rememberOffered("[2001:DB8::1]:25");
		assertThat(memory.offeredBefore("2001:db8:0:0:0:0:0:1:25")).isTrue();
	}

	@Test
	void fileWrittenInOtherSpellingsShouldStillMatch(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("memory");
		Files.writeString(file, "MAIL.Example.ORG.:587\n2001:0DB8::0001:25\n\n");
		StartTlsMemory memory = new StartTlsMemory(file);
		assertThat(memory.offeredBefore("mail.example.org:587")).isTrue();
		assertThat(memory.offeredBefore("[2001:db8::1]:25")).isTrue();
	}

	@Test
	void fileShouldBeWrittenInTheCanonicalSpellingOnce(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("memory");
		StartTlsMemory memory = new StartTlsMemory(file);
		memory.rememberOffered("LOCALHOST.:2525");
		memory.rememberOffered("localhost:2525");
		memory.rememberOffered("[::1]:2525");
		assertThat(Files.readAllLines(file)).containsExactly("localhost:2525", "[::1]:2525");
		assertThat(new StartTlsMemory(file).offeredBefore("0:0:0:0:0:0:0:1:2525")).isTrue();
	}

	@Test
	void fileWithALineThatIsNoServerShouldNameTheProperty(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("memory");
		Files.writeString(file, "localhost\n");
		assertThatExceptionOfType(MailTlsConfigurationException.class).isThrownBy(() -> new StartTlsMemory(file))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("mail.tls.downgrade-memory-file"));
	}

}
