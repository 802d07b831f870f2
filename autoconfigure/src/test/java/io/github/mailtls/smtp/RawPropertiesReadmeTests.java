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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps README's "Raw Jakarta Mail properties" table and {@link RawProperties#TABLE}
 * equal, row for row.
 */
class RawPropertiesReadmeTests {

	private static final Path README = Path.of("..", "README.md");

	private static final String START = "<!-- raw-properties:start -->";

	private static final String END = "<!-- raw-properties:end -->";

	@Test
	void readmeTableShouldListEveryKeyWithItsFateAsTheCodeDoes() throws IOException {
		List<String> expected = RawProperties.TABLE.stream().map(RawPropertiesReadmeTests::row).toList();
		List<String> documented = documentedRows();
		if (!documented.equals(expected)) {
			// The table to paste between the markers, so that a change is one copy away.
			Files.write(Path.of("target", "raw-properties-table.md"), expected);
		}
		assertThat(documented).containsExactlyElementsOf(expected);
	}

	@Test
	void tableShouldHaveOneRowPerKey() {
		assertThat(RawProperties.TABLE.stream().map((property) -> property.key().toLowerCase()))
			.doesNotHaveDuplicates();
	}

	private static List<String> documentedRows() throws IOException {
		List<String> lines = Files.readAllLines(README);
		int start = lines.indexOf(START);
		int end = lines.indexOf(END);
		assertThat(start).as("README marker %s", START).isNotNegative();
		assertThat(end).as("README marker %s", END).isGreaterThan(start);
		return lines.subList(start + 1, end)
			.stream()
			.filter((line) -> line.startsWith("| `"))
			.map(String::strip)
			.toList();
	}

	private static String row(RawProperty property) {
		String fate = property.fate().label();
		if (property.harmlessValue() != null) {
			fate += " (`" + property.harmlessValue() + "` accepted)";
		}
		return "| `%s` | %s | %s |".formatted(property.key(), fate, property.use());
	}

}
