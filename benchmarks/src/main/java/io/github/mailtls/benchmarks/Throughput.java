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
 *
 * @author mail-tls
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
		List<String> order = new ArrayList<>(senders.keySet());
		// Report in the caller's order whatever order the rounds run in.
		order.forEach((name) -> this.rates.put(name, new ArrayList<>()));
		this.rates.put(BATCH, new ArrayList<>());
		for (int round = 0; round < this.rounds; round++) {
			Collections.rotate(order, 1);
			for (String name : order) {
				run(name, () -> sendSingles(senders.get(name), this.messages));
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
		double baselineRate = median(this.rates.get(baseline));
		double batchRate = median(this.rates.get(BATCH));
		System.out.printf("%-38s %12s %14s %12s %10s%n", "sender", "messages/s", "handshakes/run", "vs Boot",
				"vs batch");
		for (Map.Entry<String, List<Double>> entry : this.rates.entrySet()) {
			double rate = median(entry.getValue());
			System.out.printf("%-38s %12.1f %14.0f %11.2fx %9.0f%%%n", entry.getKey(), rate,
					median(this.handshakes.get(entry.getKey())), rate / baselineRate, 100 * rate / batchRate);
		}
	}

	private static double median(List<Double> values) {
		return Medians.of(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

}
