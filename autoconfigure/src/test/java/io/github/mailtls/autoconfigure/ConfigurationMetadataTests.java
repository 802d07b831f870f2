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

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that the build generates from
 * {@link MailTlsProperties}, {@link MailTlsHealthProperties},
 * {@link MailTlsEndpointProperties} and the additional metadata: IDEs describe every
 * {@code mail.tls.*} property and group from it.
 */
class ConfigurationMetadataTests {

	@Test
	void everyMailTlsPropertyShouldHaveADescription() throws Exception {
		List<Map<String, Object>> properties = mailTls(JsonPath.read(metadata(), "$.properties"));
		assertThat(properties).hasSizeGreaterThan(20)
			.extracting((property) -> property.get("name"))
			.contains("mail.tls.mode", "mail.tls.timeouts.read", "mail.tls.pool.max-connections",
					"mail.tls.pool.validation-timeout", "mail.tls.health.cache-ttl", "mail.tls.endpoint.recent-sends");
		assertThat(properties).allSatisfy(
				(property) -> assertThat(property.get("description")).as("description of %s", property.get("name"))
					.asString()
					.isNotBlank());
	}

	@Test
	void everyMailTlsGroupShouldHaveADescription() throws Exception {
		List<Map<String, Object>> groups = mailTls(JsonPath.read(metadata(), "$.groups"));
		assertThat(groups).extracting((group) -> group.get("name"))
			.contains("mail.tls", "mail.tls.pool", "mail.tls.timeouts", "mail.tls.health", "mail.tls.endpoint");
		assertThat(groups)
			.allSatisfy((group) -> assertThat(group.get("description")).as("description of %s", group.get("name"))
				.asString()
				.isNotBlank());
	}

	private static List<Map<String, Object>> mailTls(List<Map<String, Object>> items) {
		return items.stream()
			.filter((item) -> item.get("name") instanceof String name
					&& (name.equals("mail.tls") || name.startsWith("mail.tls.")))
			.toList();
	}

	// The file the configuration processor wrote next to the compiled classes, not a
	// copy: that is what ends up in the jar.
	private static String metadata() throws IOException, URISyntaxException {
		Path classes = Path.of(MailTlsProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json"));
	}

}
