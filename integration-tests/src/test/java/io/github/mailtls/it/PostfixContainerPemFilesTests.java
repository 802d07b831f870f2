package io.github.mailtls.it;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.github.mailtls.it.PostfixContainer.ServerCertificate;
import io.github.mailtls.testsupport.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks that {@link PostfixContainer} takes its certificates from PEM files and replaces
 * missing ones with placeholders.
 *
 * @author mail-tls
 */
@Testcontainers(disabledWithoutDocker = true)
class PostfixContainerPemFilesTests {

	@Test
	void certificatesAreReadFromPemFilesAndMissingOnesArePlaceholders(@TempDir Path tlsDirectory) throws Exception {
		TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls PEM files test CA");
		authority.issueLocalhost()
			.writePem(tlsDirectory.resolve(ServerCertificate.GOOD.chainFileName()),
					tlsDirectory.resolve(ServerCertificate.GOOD.keyFileName()));
		SSLContext sslContext = authority.clientSslContext();
		try (PostfixContainer postfix = new PostfixContainer(tlsDirectory)) {
			postfix.start();
			try (RawSmtpClient client = RawSmtpClient.connectImplicitTls(sslContext, postfix.getHost(),
					postfix.mappedPort(PostfixContainer.IMPLICIT_TLS_PORT))) {
				assertThat(client.ehlo().advertises("AUTH")).isTrue();
			}
			assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(
					() -> RawSmtpClient
						.connectImplicitTls(sslContext, postfix.getHost(),
								postfix.mappedPort(PostfixContainer.EXPIRED_CERTIFICATE_PORT))
						.close());
			assertThat(postfix.logLines()).anyMatch((line) -> line.contains("expired.pem/.key missing"));
		}
	}

}
