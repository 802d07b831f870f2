package io.github.mailtls.sender;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.fixtures.MailTlsFixtures;

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
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class))
			.withBean(RecordingListener.class)
			.withPropertyValues(MailTlsFixtures.senderProperties(port, properties));
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
