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
package io.github.mailtls.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ssl.pem.PemContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerIdentity}.
 */
class ServerIdentityTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	private final ServerIdentity identity = authority.issueLocalhost();

	@Test
	void chainShouldStartWithLeafAndEndWithAuthority() {
		assertThat(this.identity.chain()).containsExactly(this.identity.certificate(), authority.certificate());
	}

	@Test
	void privateKeyShouldMatchCertificate() throws Exception {
		byte[] data = "proof".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(this.identity.privateKey());
		signer.update(data);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(this.identity.certificate());
		verifier.update(data);
		assertThat(verifier.verify(signature)).isTrue();
	}

	@Test
	void keyStoreShouldHoldKeyAndChainUnderServerAlias() throws Exception {
		char[] password = "secret".toCharArray();
		KeyStore keyStore = this.identity.keyStore(password);
		assertThat(keyStore.getType()).isEqualToIgnoringCase("PKCS12");
		assertThat(keyStore.isKeyEntry("server")).isTrue();
		assertThat(keyStore.getKey("server", password)).isEqualTo(this.identity.privateKey());
		assertThat(keyStore.getCertificateChain("server")).containsExactlyElementsOf(this.identity.chain());
	}

	@Test
	void serverSslContextShouldPresentChain() throws Exception {
		assertThat(TlsHandshake.perform(this.identity, authority.clientSslContext(), "localhost", true)
			.getPeerCertificates()).containsExactlyElementsOf(this.identity.chain());
	}

	@Test
	void writePemShouldWriteChainAndPkcs8KeyLoadableBySpringBoot(@TempDir Path directory) throws Exception {
		Path chainFile = directory.resolve("chain.pem");
		Path keyFile = directory.resolve("key.pem");
		this.identity.writePem(chainFile, keyFile);
		assertThat(PemContent.load(chainFile).getCertificates()).containsExactlyElementsOf(this.identity.chain());
		assertThat(PemContent.load(keyFile).getPrivateKey()).isEqualTo(this.identity.privateKey());
		List<String> keyLines = Files.readAllLines(keyFile);
		assertThat(keyLines).first().isEqualTo("-----BEGIN PRIVATE KEY-----");
		assertThat(keyLines).last().isEqualTo("-----END PRIVATE KEY-----");
		assertThat(keyLines).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(64));
		assertThat(Files.readString(chainFile)).isEqualTo(this.identity.certificateChainPem());
		assertThat(Files.readString(keyFile)).isEqualTo(this.identity.privateKeyPem());
	}

	@Test
	void spkiSha256PinShouldHashSubjectPublicKeyInfoOfLeaf() throws Exception {
		// Take the SubjectPublicKeyInfo from the certificate's DER, not the JCA key.
		byte[] subjectPublicKeyInfo = org.bouncycastle.asn1.x509.Certificate
			.getInstance(this.identity.certificate().getEncoded())
			.getSubjectPublicKeyInfo()
			.getEncoded();
		String expected = "sha256/"
				+ Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo));
		assertThat(this.identity.spkiSha256Pin()).isEqualTo(expected).matches("sha256/[A-Za-z0-9+/]{43}=");
		assertThat(authority.issueLocalhost().spkiSha256Pin()).isNotEqualTo(expected);
	}

}
