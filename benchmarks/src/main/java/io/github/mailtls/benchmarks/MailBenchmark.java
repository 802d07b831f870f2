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

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * Measures, in one run and side by side, Spring Boot's default sender and mail-tls with
 * and without connection pooling: single-send throughput, TLS handshakes, health checks
 * and start-up cost. Run with {@code ./mvnw -pl benchmarks -am spring-boot:run
 * -Dspring-boot.run.arguments="100 5"} (messages per run, rounds).
 *
 * @since 0.1.0
 */
public final class MailBenchmark {

	private static final String BOOT = "Spring Boot default";

	private MailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		TestCertificateAuthority ca = TestCertificateAuthority.create("mail-tls benchmark CA");
		String caPem = ca.certificatePem();
		try (BenchmarkServer server = BenchmarkServer.start(ca);
				ConfigurableApplicationContext boot = SenderContexts.boot(server, caPem);
				ConfigurableApplicationContext unpooled = SenderContexts.mailTls(server, caPem, false);
				ConfigurableApplicationContext pooled = SenderContexts.mailTls(server, caPem, true)) {
			System.out.printf(
					"mail-tls benchmark, %s, %d cores, Java %s (%s)%nserver: %s%n%d sequential "
							+ "single-message sends per run, %d rounds, medians%n%n",
					LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					System.getProperty("java.vm.name"), server.description(), messages, rounds);
			Map<String, JavaMailSender> senders = new LinkedHashMap<>();
			senders.put(BOOT, boot.getBean(JavaMailSender.class));
			senders.put("mail-tls, no pool", unpooled.getBean(JavaMailSender.class));
			senders.put("mail-tls, pooled", pooled.getBean(JavaMailSender.class));
			Throughput throughput = new Throughput(server, messages, rounds);
			throughput.measure(senders, (JavaMailSenderImpl) senders.get(BOOT));
			throughput.print(BOOT);
			System.out.println();
			HealthPolls polls = new HealthPolls(server, 50);
			polls.measure("Spring Boot MailHealthIndicator",
					new MailHealthIndicator((JavaMailSenderImpl) senders.get(BOOT)));
			polls.measure("mail-tls mail health indicator",
					pooled.getBean("mailHealthIndicator", HealthIndicator.class));
			System.out.println();
			new StartupCost(server, caPem, 20).measureAndPrint();
		}
	}

	static SimpleMailMessage message(BenchmarkServer server, int number) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("benchmark@example.org");
		message.setTo(server.recipient());
		message.setSubject("benchmark " + number);
		message.setText("Message " + number + " of the mail-tls benchmark.");
		return message;
	}

	static MimeMessage[] batch(JavaMailSenderImpl sender, BenchmarkServer server, int count) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message);
			helper.setFrom("benchmark@example.org");
			helper.setTo(server.recipient());
			helper.setSubject("batch " + i);
			helper.setText("Message " + i + " of a batch.");
			messages.add(message);
		}
		return messages.toArray(MimeMessage[]::new);
	}

}
