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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.github.mailtls.benchmarks.BenchmarkServer.Listener;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * Measures, in one run and side by side, Spring Boot's default sender (single sends and
 * one batch call), mail-tls with and without connection pooling, and Simple Java Mail
 * with its connection pool: throughput, latency, client CPU, server sessions and TLS
 * handshakes on four workloads, then health checks and start-up cost. The sequential
 * workloads also show the {@link WireFloor}: what the server and the round trips alone
 * cost a client that does nothing but write the bytes. Run with
 * {@code ./mvnw -pl benchmarks -am spring-boot:run -Dspring-boot.run.arguments="200 3"}
 * (messages per run, rounds).
 *
 * @since 0.1.0
 */
public final class MailBenchmark {

	private static final String BOOT = "Spring Boot default";

	private static final String SIMPLE_JAVA_MAIL = "Simple Java Mail 8.12, pooled";

	private static final String FLOOR = "wire floor (no JavaMail)";

	/** mail-tls' default {@code mail.tls.pool.max-connections}, given to every pool. */
	private static final int POOL_SIZE = 4;

	/** mail-tls' default {@code mail.tls.pool.idle-timeout}, given to every pool. */
	private static final int IDLE_MILLIS = 30_000;

	private static final int ATTACHMENT_BYTES = 200 * 1024;

	private MailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		TestCertificateAuthority ca = TestCertificateAuthority.create("mail-tls benchmark CA");
		// Before anything creates the JVM's default SSL context.
		SimpleJavaMailers.installJvmTrustStore(ca);
		String caPem = ca.certificatePem();
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		List<WireFloor> floors = new ArrayList<>();
		try (BenchmarkServer server = BenchmarkServer.start(ca);
				SimpleJavaMailers simpleJavaMail = new SimpleJavaMailers(server, POOL_SIZE, IDLE_MILLIS);
				Throughput throughput = new Throughput(server, messages, rounds, BOOT, SIMPLE_JAVA_MAIL)) {
			System.out.printf(
					"mail-tls benchmark, %s, %d cores, Java %s (%s)%nserver: %s%n"
							+ "%d messages per run (pooled and batch; a quarter for senders that connect per send, "
							+ "and a quarter again with attachments), %d rounds, medians; pools of %d%n%n",
					LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					System.getProperty("java.vm.name"), server.description(), messages, rounds, POOL_SIZE);
			simpleJavaMail.verifyRefusals().forEach(System.out::println);
			Map<Listener, List<Contender>> byListener = new LinkedHashMap<>();
			Map<Listener, List<Contender>> withFloor = new LinkedHashMap<>();
			for (Listener listener : List.of(Listener.IMPLICIT, Listener.STARTTLS)) {
				List<Contender> contenders = contenders(server, caPem, listener, simpleJavaMail, contexts);
				byListener.put(listener, contenders);
				WireFloor floor = new WireFloor(server, listener, ca.clientSslContext());
				floors.add(floor);
				withFloor.put(listener,
						Stream.concat(contenders.stream(), Stream.of(Contender.wireFloor(FLOOR, floor))).toList());
			}
			Map<Workload, List<Contender>> workloads = new LinkedHashMap<>();
			workloads.put(new Workload("1 thread, implicit TLS (465)", Listener.IMPLICIT, 1, 0),
					withFloor.get(Listener.IMPLICIT));
			workloads.put(new Workload("1 thread, STARTTLS (587)", Listener.STARTTLS, 1, 0),
					withFloor.get(Listener.STARTTLS));
			workloads.put(new Workload("4 threads, STARTTLS (587)", Listener.STARTTLS, 4, 0),
					byListener.get(Listener.STARTTLS));
			workloads.put(
					new Workload("1 thread, STARTTLS (587), 200 KB attachment", Listener.STARTTLS, 1, ATTACHMENT_BYTES),
					byListener.get(Listener.STARTTLS));
			throughput.measure(workloads);
			throughput.print();
			System.out.println();
			ConfigurableApplicationContext boot = contexts.get(contexts.size() - 3);
			ConfigurableApplicationContext pooled = contexts.get(contexts.size() - 1);
			HealthPolls polls = new HealthPolls(server, 50);
			polls.measure("Spring Boot MailHealthIndicator",
					new MailHealthIndicator((JavaMailSenderImpl) boot.getBean(JavaMailSender.class)));
			polls.measure("mail-tls mail health indicator",
					pooled.getBean("mailHealthIndicator", HealthIndicator.class));
			System.out.println();
			new StartupCost(server, caPem, 20).measureAndPrint();
		}
		finally {
			for (WireFloor floor : floors) {
				floor.close();
			}
			contexts.forEach(ConfigurableApplicationContext::close);
		}
	}

	/**
	 * The contenders on one listener; adds Boot's, mail-tls' unpooled and pooled
	 * contexts, in that order, to {@code contexts}.
	 */
	private static List<Contender> contenders(BenchmarkServer server, String caPem, Listener listener,
			SimpleJavaMailers simpleJavaMail, List<ConfigurableApplicationContext> contexts) {
		ConfigurableApplicationContext boot = SenderContexts.boot(server, caPem, listener);
		contexts.add(boot);
		ConfigurableApplicationContext unpooled = SenderContexts.mailTls(server, caPem, false, listener);
		contexts.add(unpooled);
		ConfigurableApplicationContext pooled = SenderContexts.mailTls(server, caPem, true, listener);
		contexts.add(pooled);
		JavaMailSenderImpl bootSender = (JavaMailSenderImpl) boot.getBean(JavaMailSender.class);
		return List.of(Contender.springSingles(BOOT, bootSender, true),
				Contender.springSingles("mail-tls, no pool", unpooled.getBean(JavaMailSender.class), true),
				Contender.springSingles("mail-tls, pooled", pooled.getBean(JavaMailSender.class), false),
				Contender.springBatch("Spring Boot, one send(MimeMessage[])", bootSender),
				Contender.simpleJavaMail(SIMPLE_JAVA_MAIL, simpleJavaMail.mailer(listener)));
	}

	static SimpleMailMessage message(BenchmarkServer server, int number) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(BenchmarkMessages.FROM);
		message.setTo(server.recipient());
		message.setSubject(BenchmarkMessages.subject(number));
		message.setText(BenchmarkMessages.text(number));
		return message;
	}

	static MimeMessage[] batch(JavaMailSenderImpl sender, BenchmarkServer server, int count) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message);
			helper.setFrom(BenchmarkMessages.FROM);
			helper.setTo(server.recipient());
			helper.setSubject("batch " + i);
			helper.setText("Message " + i + " of a batch.");
			messages.add(message);
		}
		return messages.toArray(MimeMessage[]::new);
	}

}
