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
package io.github.mailtls.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sequential single-message sends per sender, interleaved round by round so that every
 * sender sees the same machine noise, plus Boot's one-batch rate as the practical limit.
 */
final class Throughput {

	private static final String BATCH = "Spring Boot, one send(MimeMessage[])";

	private final BenchmarkServer server;

	private final int messages;

	private final int rounds;

	private final Map<String, List<Double>> rates = new LinkedHashMap<>();

	private final Map<String, List<Double>> handshakes = new LinkedHashMap<>();

	Throughput(BenchmarkServer server, int messages, int rounds) {
		this.server = server;
		this.messages = messages;
		this.rounds = rounds;
	}

	void measure(Map<String, JavaMailSender> senders, JavaMailSenderImpl boot) throws Exception {
		senders.values().forEach((sender) -> sendSingles(sender, Math.max(10, this.messages / 5)));
		List<Map.Entry<String, JavaMailSender>> order = new ArrayList<>(senders.entrySet());
		// Report in the caller's order whatever order the rounds run in.
		order.forEach((entry) -> this.rates.put(entry.getKey(), new ArrayList<>()));
		this.rates.put(BATCH, new ArrayList<>());
		for (int round = 0; round < this.rounds; round++) {
			Collections.rotate(order, 1);
			for (Map.Entry<String, JavaMailSender> entry : order) {
				run(entry.getKey(), () -> sendSingles(entry.getValue(), this.messages));
			}
			MimeMessage[] batch = MailBenchmark.batch(boot, this.server, this.messages);
			run(BATCH, () -> boot.send(batch));
		}
	}

	private void run(String name, Runnable sends) {
		int before = this.server.tlsHandshakes();
		long start = System.nanoTime();
		sends.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		this.rates.computeIfAbsent(name, (key) -> new ArrayList<>()).add(this.messages / seconds);
		this.handshakes.computeIfAbsent(name, (key) -> new ArrayList<>())
			.add((double) (this.server.tlsHandshakes() - before));
	}

	private void sendSingles(JavaMailSender sender, int count) {
		for (int i = 0; i < count; i++) {
			sender.send(MailBenchmark.message(this.server, i));
		}
	}

	void print(String baseline) {
		double baselineRate = median(measured(this.rates, baseline));
		double batchRate = median(measured(this.rates, BATCH));
		System.out.printf("%-38s %12s %14s %12s %10s%n", "sender", "messages/s", "handshakes/run", "vs Boot",
				"vs batch");
		for (Map.Entry<String, List<Double>> entry : this.rates.entrySet()) {
			double rate = median(entry.getValue());
			System.out.printf("%-38s %12.1f %14.0f %11.2fx %9.0f%%%n", entry.getKey(), rate,
					median(measured(this.handshakes, entry.getKey())), rate / baselineRate, 100 * rate / batchRate);
		}
	}

	private static List<Double> measured(Map<String, List<Double>> measurements, String name) {
		List<Double> values = measurements.get(name);
		if (values == null) {
			throw new IllegalStateException("No measurement for '%s': run measure(...) first".formatted(name));
		}
		return values;
	}

	private static double median(List<Double> values) {
		return Medians.of(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

}
