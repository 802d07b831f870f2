package io.github.mailtls.sender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;

/**
 * Runs the auto-configured sender from properties only, as an application would, with the
 * test CA as its SSL bundle, short timeouts and a {@link RecordingListener}.
 *
 * @author mail-tls
 */
final class SenderContexts {

	private SenderContexts() {
	}

	static ApplicationContextRunner forPort(int port, String... properties) {
		List<String> values = new ArrayList<>(
				List.of("spring.mail.host=localhost", "spring.mail.port=" + port, "mail.tls.ssl-bundle=test",
						"spring.ssl.bundle.pem.test.truststore.certificate=" + TestPki.caPemLocation(),
						"mail.tls.timeouts.connect=2s", "mail.tls.timeouts.read=3s", "mail.tls.timeouts.write=3s"));
		values.addAll(Arrays.asList(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
			.withBean(RecordingListener.class)
			.withPropertyValues(values.toArray(String[]::new));
	}

	static SimpleMailMessage message() {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("sender@example.org");
		message.setTo("rcpt@example.org");
		message.setSubject("mail-tls test");
		message.setText("Hello over TLS");
		return message;
	}

}
