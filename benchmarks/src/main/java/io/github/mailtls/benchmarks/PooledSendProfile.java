package io.github.mailtls.benchmarks;

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.benchmarks.BenchmarkServer.Listener;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * Sends many single messages sequentially through mail-tls' pooled sender only, so that a
 * profiler attached to this JVM sees nothing but the send path. Prints the rate and the
 * process CPU per message of the measured phase. Run with
 * {@code java -XX:StartFlightRecording=filename=pooled.jfr,settings=profile -cp ...
 * io.github.mailtls.benchmarks.PooledSendProfile 3000 465} (messages, port 465 or 587).
 *
 * @author mail-tls
 */
public final class PooledSendProfile {

	private PooledSendProfile() {
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
			long cpu = os.getProcessCpuTime();
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				sender.send(MailBenchmark.message(server, i));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpuMillis = (os.getProcessCpuTime() - cpu) / 1e6;
			System.out.printf("%s: %d messages, %.1f msgs/s, %.3f CPU ms/msg%n", server.description(), messages,
					messages / seconds, cpuMillis / messages);
		}
	}

}
