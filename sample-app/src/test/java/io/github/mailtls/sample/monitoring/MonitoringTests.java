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
package io.github.mailtls.sample.monitoring;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Prometheus alerting rules and the Grafana dashboard in
 * {@code monitoring/}; the promtool checks are skipped only where promtool is not
 * installed, and CI installs it.
 */
class MonitoringTests {

	private static final Path MONITORING = Path.of(System.getProperty("monitoring.directory", "../monitoring"));

	private static final List<String> DOCUMENTED_METRICS = List.of("mail_send_seconds_count",
			"mail_tls_policy_violations_total", "mail_tls_certificate_expiry_seconds");

	@Test
	@EnabledIf("promtoolInstalled")
	void alertingRulesPassPromtoolCheck() {
		assertThat(promtool("check", "rules", MONITORING.resolve("alerts.yml").toString()))
			.contains("SUCCESS: 5 rules found");
	}

	@Test
	@EnabledIf("promtoolInstalled")
	void alertingRulesPassTheirUnitTests() {
		assertThat(promtool("test", "rules", MONITORING.resolve("alerts-test.yml").toString())).contains("SUCCESS");
	}

	@Test
	@EnabledIf("promtoolInstalled")
	void examplePrometheusConfigurationPassesPromtoolCheck() {
		assertThat(promtool("check", "config", MONITORING.resolve("prometheus.yml").toString()))
			.contains("is valid prometheus config file syntax");
	}

	@Test
	@EnabledIf("promtoolInstalled")
	void dashboardQueriesAreValidPromQl(@TempDir Path directory) throws IOException {
		// promtool has no query linter, but it parses the expressions of recording rules.
		List<Map<String, String>> rules = new ArrayList<>();
		List<String> expressions = dashboardExpressions();
		for (int i = 0; i < expressions.size(); i++) {
			String expression = withGrafanaVariablesReplaced(expressions.get(i));
			rules.add(Map.of("record", "dashboard:query_" + i, "expr", expression));
		}
		Path rulesFile = directory.resolve("dashboard-queries.yml");
		Files.writeString(rulesFile,
				new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
		assertThat(promtool("check", "rules", rulesFile.toString()))
			.contains("SUCCESS: " + expressions.size() + " rules found");
	}

	@Test
	void alertingRulesCoverPlaintextRefusalsCertificateExpiryAndHealth() throws IOException {
		assertThat(alertExpressions())
			.hasEntrySatisfying("MailSentWithoutTls",
					(expr) -> assertThat(expr).contains("mail_send_seconds_count{tls_mode=\"none\"}"))
			.hasEntrySatisfying("MailSendRefusedByTlsPolicy",
					(expr) -> assertThat(expr).contains("mail_tls_policy_violations_total"))
			.hasEntrySatisfying("MailTlsCertificateExpiringSoon",
					(expr) -> assertThat(expr).contains("mail_tls_certificate_expiry_seconds")
						.endsWith("< 14 * 24 * 3600"))
			.containsKey("MailHealthDown");
	}

	@Test
	void dashboardChartsEveryDocumentedMetric() throws IOException {
		String queries = String.join("\n", dashboardExpressions());
		assertThat(queries).contains(DOCUMENTED_METRICS)
			.contains("sum by (tls_mode, tls_protocol) (increase(mail_send_seconds_count")
			.contains("sum by (reason) (increase(mail_tls_policy_violations_total");
	}

	@Test
	void dashboardPanelsUseTheDataSourceVariable() throws IOException {
		JsonNode dashboard = dashboard();
		assertThat(dashboard.get("uid").asString()).isEqualTo("mail-tls");
		assertThat(dashboard.get("panels").valueStream().map((panel) -> panel.get("id").asInt()).distinct().count())
			.isEqualTo(dashboard.get("panels").size());
		assertThat(dashboard.findValues("datasource")).isNotEmpty()
			.allSatisfy((datasource) -> assertThat(datasource.get("uid").asString()).isEqualTo("${datasource}"));
	}

	static boolean promtoolInstalled() {
		return promtoolExecutable().isPresent();
	}

	private static Optional<Path> promtoolExecutable() {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, "promtool"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static String promtool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(promtoolExecutable().orElseThrow().toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
			assertThat(process.exitValue()).as("exit code of %s with output%n%s", command, output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> alertExpressions() throws IOException {
		Map<String, Object> rules = new Yaml().load(Files.readString(MONITORING.resolve("alerts.yml")));
		Map<String, String> expressions = new LinkedHashMap<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.put((String) rule.get("alert"), ((String) rule.get("expr")).strip());
			}
		}
		return expressions;
	}

	private static JsonNode dashboard() throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(MONITORING.resolve("mail-tls-dashboard.json")));
	}

	private static List<String> dashboardExpressions() throws IOException {
		List<String> expressions = dashboard().get("panels")
			.valueStream()
			.flatMap((panel) -> panel.get("targets").valueStream())
			.map((target) -> target.get("expr").asString())
			.toList();
		assertThat(expressions).isNotEmpty();
		return expressions;
	}

	private static String withGrafanaVariablesReplaced(String expression) {
		return expression.replace("$__rate_interval", "1m")
			.replace("$__range", "6h")
			.replace("$application", ".*")
			.replace("$instance", ".*");
	}

}
