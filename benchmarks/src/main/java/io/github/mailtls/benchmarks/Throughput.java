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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.management.OperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.benchmarks.BenchmarkServer.Counts;
import io.github.mailtls.benchmarks.BenchmarkServer.Window;

/**
 * Runs every contender on every workload, interleaved round by round (each round rotates
 * the order) so that every contender sees the same machine noise, and reports medians per
 * workload: messages per second, latency per send, client CPU per message, and the
 * sessions and TLS handshakes the server saw.
 * <p>
 * Every run starts once the server has delivered everything the run before it sent, so
 * that no contender pays for another's deliveries. Before the measured rounds, every
 * contender that keeps its connections runs {@value #WARM_UP_RUNS} times and every one
 * that connects per send once, so that the JIT has compiled their send paths and the
 * rounds measure them as a long-running application sees them.
 * <p>
 * Client CPU is the CPU time of the whole benchmark process
 * ({@link OperatingSystemMXBean#getProcessCpuTime()}) over the sending phase only,
 * divided by the messages sent: it includes a contender's background threads, garbage
 * collection and JIT, and excludes the server, which runs in its own process.
 */
final class Throughput implements AutoCloseable {

	private static final int WARM_UP_RUNS = 4;

	private final BenchmarkServer server;

	private final int messages;

	private final int rounds;

	private final String baseline;

	private final String peer;

	private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final Map<Workload, Map<String, Result>> results = new LinkedHashMap<>();

	/**
	 * Create a measurement.
	 * @param server the server
	 * @param messages messages per run for pooled senders and batches (a quarter of it
	 * for senders that connect per send, and again a quarter with attachments)
	 * @param rounds measured rounds
	 * @param baseline the contender whose rate is the "vs Boot" unit
	 * @param peer the contender whose rate is the "vs SJM" unit
	 */
	Throughput(BenchmarkServer server, int messages, int rounds, String baseline, String peer) {
		this.server = server;
		this.messages = messages;
		this.rounds = rounds;
		this.baseline = baseline;
		this.peer = peer;
	}

	void measure(Map<Workload, List<Contender>> contenders) throws Exception {
		for (Map.Entry<Workload, List<Contender>> entry : contenders.entrySet()) {
			Map<String, Result> byName = new LinkedHashMap<>();
			entry.getValue().forEach((contender) -> byName.put(contender.name(), new Result(contender)));
			this.results.put(entry.getKey(), byName);
			for (Contender contender : entry.getValue()) {
				for (int run = 0; run < (contender.connectsPerSend() ? 1 : WARM_UP_RUNS); run++) {
					run(entry.getKey(), contender, null);
				}
			}
			this.server.clearMailbox();
		}
		for (int round = 0; round < this.rounds; round++) {
			for (Map.Entry<Workload, List<Contender>> entry : contenders.entrySet()) {
				List<Contender> order = new ArrayList<>(entry.getValue());
				Collections.rotate(order, round);
				for (Contender contender : order) {
					run(entry.getKey(), contender, result(entry.getKey(), contender.name()));
				}
			}
			this.server.clearMailbox();
		}
	}

	private int count(Workload workload, Contender contender) {
		int count = (workload.attachmentBytes() > 0) ? this.messages / 4 : this.messages;
		if (contender.connectsPerSend()) {
			count /= 4;
		}
		int perThread = Math.max(2, count / workload.threads());
		return perThread * workload.threads();
	}

	/**
	 * Run one contender once; a {@code null} result makes it a warm-up.
	 */
	private void run(Workload workload, Contender contender, @Nullable Result result) throws Exception {
		// A warm-up run has the size of a measured one.
		int count = count(workload, contender);
		int perThread = count / workload.threads();
		byte[] attachment = workload.attachment();
		String recipient = this.server.recipient();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
		List<Callable<Void>> tasks = new ArrayList<>();
		for (int i = 0; i < workload.threads(); i++) {
			tasks.add(() -> {
				contender.send(recipient, perThread, attachment, latencies);
				return null;
			});
		}
		contender.beforeRun();
		this.server.awaitIdle();
		Window window = this.server.open(workload.listener());
		long cpu = this.os.getProcessCpuTime();
		long start = System.nanoTime();
		if (tasks.size() == 1) {
			tasks.get(0).call();
		}
		else {
			for (Future<Void> future : this.threads.invokeAll(tasks)) {
				future.get();
			}
		}
		long elapsed = System.nanoTime() - start;
		cpu = this.os.getProcessCpuTime() - cpu;
		Counts counts = window.close();
		if (result != null) {
			result.add(count, count / (elapsed / 1e9), cpu / 1e6 / count, counts, latencies);
		}
	}

	private Result result(Workload workload, String name) {
		Map<String, Result> byName = Objects.requireNonNull(this.results.get(workload), workload::name);
		return Objects.requireNonNull(byName.get(name), () -> "no measurement for " + name);
	}

	void print() {
		for (Map.Entry<Workload, Map<String, Result>> workload : this.results.entrySet()) {
			Map<String, Result> byName = workload.getValue();
			double baselineRate = result(workload.getKey(), this.baseline).rate();
			double peerRate = result(workload.getKey(), this.peer).rate();
			System.out.printf("%n%s%n", workload.getKey().name());
			System.out.printf("%-36s %8s %9s %8s %8s %9s %9s %11s %8s %8s%n", "sender", "msgs/run", "msgs/s", "p50 ms",
					"p99 ms", "CPU ms/msg", "sessions", "handshakes", "vs Boot", "vs SJM");
			for (Result result : byName.values()) {
				double rate = result.rate();
				System.out.printf("%-36s %8d %9.1f %8s %8s %10.2f %9.0f %11.0f %7.2fx %7.2fx%n", result.name(),
						result.count, rate, result.latency(0.50), result.latency(0.99), Medians.of(result.cpu),
						Medians.of(result.sessions), Medians.of(result.handshakes), rate / baselineRate,
						rate / peerRate);
			}
		}
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

	private final class Result {

		private final Contender contender;

		private int count;

		private double[] rates = new double[0];

		private double[] cpu = new double[0];

		private double[] sessions = new double[0];

		private double[] handshakes = new double[0];

		private final List<Long> latencies = new ArrayList<>();

		Result(Contender contender) {
			this.contender = contender;
		}

		String name() {
			return this.contender.name();
		}

		void add(int count, double rate, double cpuPerMessage, Counts counts, List<Long> latencies) {
			this.count = count;
			this.rates = append(this.rates, rate);
			this.cpu = append(this.cpu, cpuPerMessage);
			this.sessions = append(this.sessions, counts.sessions());
			this.handshakes = append(this.handshakes, counts.handshakes());
			this.latencies.addAll(latencies);
		}

		double rate() {
			return Medians.of(this.rates);
		}

		String latency(double quantile) {
			if (!this.contender.singleSends() || this.latencies.isEmpty()) {
				return "-";
			}
			long[] sorted = this.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			int rank = (int) Math.ceil(quantile * sorted.length) - 1;
			return String.format("%.1f", sorted[Math.max(0, rank)] / 1e6);
		}

		private static double[] append(double[] values, double value) {
			double[] longer = Arrays.copyOf(values, values.length + 1);
			longer[values.length] = value;
			return longer;
		}

	}

}
