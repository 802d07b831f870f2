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
