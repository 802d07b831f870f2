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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.benchmarks.BenchmarkServer.Listener;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * Sends many single messages sequentially through mail-tls' pooled sender only, so that a
 * profiler attached to this JVM sees nothing but the send path. Prints the rate, the
 * latency quantiles and the process CPU per message of the measured phase. Run with
 * {@code java -XX:StartFlightRecording=filename=pooled.jfr,settings=profile -cp ...
 * io.github.mailtls.benchmarks.PooledSendProfile 3000 465} (messages, port 465 or 587).
 */
public final class PooledSendProfile {

	private PooledSendProfile() {
	}

	// utime + stime of every thread of this process, summed by thread name.
	private static Map<String, Long> osThreadTicks() {
		Map<String, Long> ticks = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : tasks.toList()) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
						.replaceAll("[0-9]+$", "#");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
				}
				catch (IOException | RuntimeException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		catch (IOException ex) {
			// Not Linux: nothing to show.
		}
		return ticks;
	}

	private static Map<Long, Long> threadCpu(ThreadMXBean threads) {
		Map<Long, Long> cpu = new HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			long time = threads.getThreadCpuTime(id);
			if (time >= 0) {
				cpu.put(id, time);
			}
		}
		return cpu;
	}

	public static void main(String[] args) throws Exception {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 3000;
		Listener listener = (args.length > 1 && "465".equals(args[1])) ? Listener.IMPLICIT : Listener.STARTTLS;
		TestCertificateAuthority ca = TestCertificateAuthority.create("mail-tls profile CA");
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (BenchmarkServer server = BenchmarkServer.start(ca);
				ConfigurableApplicationContext context = SenderContexts.mailTls(server, ca.certificatePem(), true,
						listener)) {
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			for (int i = 0; i < Math.max(200, messages / 5); i++) {
				sender.send(MailBenchmark.message(server, i));
			}
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			Map<Long, Long> threadCpu = threadCpu(threads);
			Map<String, Long> osThreads = osThreadTicks();
			long cpu = os.getProcessCpuTime();
			long[] latencies = new long[messages];
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				long sendStart = System.nanoTime();
				sender.send(MailBenchmark.message(server, i));
				latencies[i] = System.nanoTime() - sendStart;
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpuMillis = (os.getProcessCpuTime() - cpu) / 1e6;
			// Which sends were slow shows what made them so: every n-th send of a
			// connection points at the pool, scattered ones at the machine.
			long[] sorted = latencies.clone();
			Arrays.sort(sorted);
			StringBuilder slow = new StringBuilder();
			int slowSends = 0;
			for (int i = 0; i < messages; i++) {
				if (latencies[i] > 3 * sorted[messages / 2] && slowSends++ < 40) {
					slow.append(String.format(" #%d %.1f ms", i, latencies[i] / 1e6));
				}
			}
			System.out.printf("%s: %d messages, %.1f msgs/s, %.3f CPU ms/msg%n", server.description(), messages,
					messages / seconds, cpuMillis / messages);
			System.out.printf("  %d sends over 3x the median:%s%s%n", slowSends, slow, (slowSends > 40) ? " ..." : "");
			Arrays.sort(latencies);
			System.out.printf(
					"  latency mean %.2f ms, p50 %.2f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
					seconds * 1e3 / messages, latencies[messages / 2] / 1e6, latencies[(int) (messages * 0.9)] / 1e6,
					latencies[(int) (messages * 0.99)] / 1e6, latencies[(int) (messages * 0.999)] / 1e6,
					latencies[messages - 1] / 1e6);
			// Where the process CPU went: Java threads by name; the rest is the VM's own
			// (JIT, GC) and threads that ended.
			double javaMillis = 0;
			for (Map.Entry<Long, Long> entry : threadCpu(threads).entrySet()) {
				double millis = (entry.getValue() - threadCpu.getOrDefault(entry.getKey(), 0L)) / 1e6;
				javaMillis += millis;
				if (millis / messages >= 0.01) {
					System.out.printf("  %-40s %.3f CPU ms/msg%n",
							threads.getThreadInfo(entry.getKey()).getThreadName(), millis / messages);
				}
			}
			System.out.printf("  %-40s %.3f CPU ms/msg%n", "VM threads and ended threads",
					(cpuMillis - javaMillis) / messages);
			// On Linux, every thread of the process by its OS name (clock ticks of 10
			// ms).
			Map<String, Long> after = osThreadTicks();
			after.forEach((name, ticks) -> {
				long delta = ticks - osThreads.getOrDefault(name, 0L);
				if (delta > 0) {
					System.out.printf("  OS thread %-31s %.3f CPU ms/msg%n", name, delta * 10.0 / messages);
				}
			});
		}
	}

}
