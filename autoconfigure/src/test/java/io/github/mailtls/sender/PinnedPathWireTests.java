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
package io.github.mailtls.sender;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.SmtpTestServer;
import io.github.mailtls.testsupport.TestCertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Pins are checked on the path that trust validation built, over the wire: servers
 * present crafted chains through STARTTLS and implicit TLS.
 */
class PinnedPathWireTests {

	private static final TestCertificateAuthority ROOT = TestCertificateAuthority.create("pinning root");

	private static final TestCertificateAuthority INTERMEDIATE = ROOT.issueIntermediate("pinning intermediate");

	private static final ServerIdentity GOOD = INTERMEDIATE.issueLocalhost();

	private static final TestCertificateAuthority COMPROMISED = ROOT.issueIntermediate("compromised intermediate");

	@TempDir
	static Path directory;

	private static Path rootPem;

	@BeforeAll
	static void writeRoot() {
		rootPem = directory.resolve("root.pem");
		ROOT.writeCertificatePem(rootPem);
	}

	@Test
	void pinOnARootTheServerDoesNotSendShouldAcceptOverStartTls() {
		ServerIdentity leafAndIntermediate = GOOD.presenting(GOOD.certificate(), INTERMEDIATE.certificate());
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(leafAndIntermediate.serverSslContext())
			.start()) {
			sender(server.port(), ROOT.certificate())
				.run((context) -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void pinOnARootTheServerDoesNotSendShouldAcceptOverImplicitTls() {
		ServerIdentity leafAndIntermediate = GOOD.presenting(GOOD.certificate(), INTERMEDIATE.certificate());
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(leafAndIntermediate.serverSslContext())
			.start()) {
			sender(server.port(), ROOT.certificate(), "mail.tls.mode=implicit")
				.run((context) -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void pinnedCertificateAppendedToATrustedRogueChainShouldBeRefusedOverStartTls() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(rogueChain(GOOD.certificate()).serverSslContext())
			.start()) {
			sender(server.port(), GOOD.certificate()).run((context) -> assertPinMismatch(context));
			assertThat(server.commands()).extracting((command) -> command.split(" ")[0])
				.containsExactly("EHLO", "STARTTLS");
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void pinnedIntermediateAppendedToATrustedRogueChainShouldBeRefusedOverImplicitTls() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.implicitTls(rogueChain(INTERMEDIATE.certificate()).serverSslContext())
			.start()) {
			sender(server.port(), INTERMEDIATE.certificate(), "mail.tls.mode=implicit")
				.run((context) -> assertPinMismatch(context));
			assertThat(server.commands()).isEmpty();
			assertThat(server.messages()).isEmpty();
		}
	}

	// Trusted through the compromised intermediate but not pinned, with the pinned
	// certificate appended to its chain.
	private static ServerIdentity rogueChain(X509Certificate pinned) {
		ServerIdentity rogue = COMPROMISED.issueLocalhost();
		return rogue.presenting(rogue.certificate(), COMPROMISED.certificate(), pinned);
	}

	private static void assertPinMismatch(ApplicationContext context) {
		MailSendException ex = catchThrowableOfType(MailSendException.class,
				() -> context.getBean(JavaMailSender.class).send(SenderContexts.message()));
		assertThat(MailTlsPolicyException.findIn(ex).getReason()).isEqualTo(RefusalReason.PIN_MISMATCH);
		assertThat(ex).hasMessageContaining("validated path");
	}

	private static ApplicationContextRunner sender(int port, X509Certificate pinned, String... properties) {
		return SenderContexts.forPort(port, properties)
			.withPropertyValues("spring.ssl.bundle.pem.test.truststore.certificate=file:" + rootPem,
					"mail.tls.pinned-public-keys=" + CertificateSummary.spkiSha256(pinned));
	}

}
