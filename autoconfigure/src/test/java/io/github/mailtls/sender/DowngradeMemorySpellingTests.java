package io.github.mailtls.sender;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.StripTlsProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Spelling the host differently does not evade the downgrade memory. A sender's host is
 * fixed, so a second sender with another spelling shares the first one's memory through
 * {@code mail.tls.downgrade-memory-file}, as after a restart with edited configuration.
 *
 * @author mail-tls
 */
class DowngradeMemorySpellingTests {

	@Test
	void strippedServerReachedUnderAnotherSpellingShouldBeRefusedAsDowngrade(@TempDir Path directory) throws Exception {
		Path memory = directory.resolve("starttls-memory");
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start(); StripTlsProxy proxy = StripTlsProxy.passthrough("127.0.0.1", server.port())) {
			String[] properties = { "mail.tls.mode=opportunistic", "mail.tls.pool.enabled=false",
					"mail.tls.downgrade-memory-file=" + memory };
			SenderContexts.forPort(proxy.port(), properties)
				.run((context) -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(Files.readAllLines(memory)).containsExactly("localhost:" + proxy.port());
			proxy.stripStartTls(true);
			proxy.clearRecording();
			SenderContexts.forPort(proxy.port(), properties)
				.withPropertyValues("spring.mail.host=LOCALHOST")
				.run((context) -> {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
					assertThat(MailTlsPolicyException.findIn(ex).getReason())
						.isEqualTo(RefusalReason.DOWNGRADE_DETECTED);
				});
			// The first connection's encrypted tail may still arrive after
			// clearRecording(); it holds no plaintext.
			assertThat(proxy.clientText()).contains("EHLO ")
				.doesNotContain("AUTH")
				.doesNotContain("MAIL FROM")
				.doesNotContain("DATA");
			assertThat(server.messages()).hasSize(1);
		}
	}

}
