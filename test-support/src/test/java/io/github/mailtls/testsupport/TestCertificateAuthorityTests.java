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

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ssl.pem.PemContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TestCertificateAuthority}.
 */
class TestCertificateAuthorityTests {

	private static final TestCertificateAuthority authority = TestCertificateAuthority.create("mail-tls test CA");

	private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

	@Test
	void createShouldProduceSelfSignedCertificateAuthority() throws Exception {
		X509Certificate certificate = authority.certificate();
		certificate.verify(certificate.getPublicKey());
		assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
		assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=mail-tls test CA");
		assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
		assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isTrue();
		assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
		assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
		certificate.checkValidity();
	}

	@Test
	void issueLocalhostShouldProduceServerCertificateSignedByAuthority() throws Exception {
		X509Certificate leaf = authority.issueLocalhost().certificate();
		leaf.verify(authority.certificate().getPublicKey());
		leaf.checkValidity();
		assertThat(leaf.getIssuerX500Principal()).isEqualTo(authority.certificate().getSubjectX500Principal());
		assertThat(leaf.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
				List.of(7, "127.0.0.1"));
		assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
		assertThat(leaf.getKeyUsage()).startsWith(true, false, true, false, false, false);
		assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
		assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
		byte[] authorityKeyId = AuthorityKeyIdentifier
			.getInstance(JcaX509ExtensionUtils
				.parseExtensionValue(leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())))
			.getKeyIdentifierOctets();
		assertThat(authorityKeyId).isEqualTo(keyIdentifier(authority.certificate()));
		assertThat(keyIdentifier(leaf)).isNotEmpty().isNotEqualTo(authorityKeyId);
	}

	@Test
	void issueShouldUseGivenNamesAndValidity() throws Exception {
		Instant notBefore = Instant.parse("2030-01-01T00:00:00Z");
		Instant notAfter = Instant.parse("2031-01-01T00:00:00Z");
		X509Certificate leaf = authority
			.issue("mail.example.org", List.of("mail.example.org", "mx.example.org"), List.of("::1"), notBefore,
					notAfter)
			.certificate();
		assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=mail.example.org");
		assertThat(leaf.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "mail.example.org"),
				List.of(2, "mx.example.org"), List.of(7, "0:0:0:0:0:0:0:1"));
		assertThat(leaf.getNotBefore().toInstant()).isEqualTo(notBefore);
		assertThat(leaf.getNotAfter().toInstant()).isEqualTo(notAfter);
	}

	@Test
	void issueWhenIpAddressIsNotLiteralShouldFail() {
		Instant now = Instant.now();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> authority.issue("x", List.of(), List.of("localhost"), now, now.plusSeconds(60)));
	}

	@Test
	void issueExpiredLocalhostShouldHaveExpired() throws Exception {
		X509Certificate leaf = authority.issueExpiredLocalhost().certificate();
		assertThat(leaf.getNotAfter().toInstant()).isBefore(Instant.now());
		assertThat(leaf.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
				List.of(7, "127.0.0.1"));
		assertThatExceptionOfType(CertificateExpiredException.class).isThrownBy(leaf::checkValidity);
	}

	@Test
	void issueForHostShouldOnlyNameThatHost() throws Exception {
		X509Certificate leaf = authority.issueForHost("mail.example.org").certificate();
		assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "mail.example.org"));
		leaf.checkValidity();
	}

	@Test
	void trustStoreShouldHoldOnlyAuthorityAsTrustedEntry() throws Exception {
		KeyStore trustStore = authority.trustStore();
		assertThat(trustStore.getType()).isEqualToIgnoringCase("PKCS12");
		assertThat(Collections.list(trustStore.aliases())).singleElement()
			.satisfies((alias) -> assertThat(trustStore.isCertificateEntry(alias)).isTrue())
			.satisfies((alias) -> assertThat(trustStore.getCertificate(alias)).isEqualTo(authority.certificate()));
	}

	@Test
	void trustStoreShouldTrustIssuedChainAndRejectOtherAuthority() throws Exception {
		X509TrustManager trustManager = trustManager(authority.trustStore());
		trustManager.checkServerTrusted(authority.issueLocalhost().chain().toArray(X509Certificate[]::new), "RSA");
		X509Certificate[] foreignChain = TestCertificateAuthority.create("other CA")
			.issueLocalhost()
			.chain()
			.toArray(X509Certificate[]::new);
		assertThatExceptionOfType(CertificateException.class)
			.isThrownBy(() -> trustManager.checkServerTrusted(foreignChain, "RSA"));
	}

	@Test
	void handshakeWhenLocalhostCertificateShouldVerifyHostNameAndAddress() throws Exception {
		ServerIdentity identity = authority.issueLocalhost();
		SSLSession byName = TlsHandshake.perform(identity, authority.clientSslContext(), "localhost", true);
		SSLSession byAddress = TlsHandshake.perform(identity, authority.clientSslContext(), "127.0.0.1", true);
		assertThat(byName.getPeerCertificates()).containsExactlyElementsOf(identity.chain());
		assertThat(byAddress.getPeerCertificates()[0]).isEqualTo(identity.certificate());
	}

	@Test
	void handshakeWhenCertificateExpiredShouldFail() {
		ServerIdentity expired = authority.issueExpiredLocalhost();
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> TlsHandshake.perform(expired, authority.clientSslContext(), "localhost", true))
			.havingRootCause()
			.isInstanceOf(CertificateExpiredException.class);
	}

	@Test
	void handshakeWhenCertificateNamesOtherHostShouldFailOnlyHostnameCheck() throws Exception {
		ServerIdentity otherHost = authority.issueForHost("mail.example.org");
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> TlsHandshake.perform(otherHost, authority.clientSslContext(), "localhost", true))
			.havingRootCause()
			.isInstanceOf(CertificateException.class)
			.withMessageContaining("localhost");
		assertThat(TlsHandshake.perform(otherHost, authority.clientSslContext(), "localhost", false).getProtocol())
			.startsWith("TLS");
	}

	@Test
	void clientSslContextWhenServerFromOtherAuthorityShouldFail() {
		ServerIdentity foreign = TestCertificateAuthority.create("other CA").issueLocalhost();
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> TlsHandshake.perform(foreign, authority.clientSslContext(), "localhost", false));
	}

	@Test
	void writeCertificatePemShouldBeLoadableBySpringBoot(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("ca.pem");
		authority.writeCertificatePem(file);
		assertThat(Files.readString(file)).startsWith("-----BEGIN CERTIFICATE-----\n")
			.endsWith("-----END CERTIFICATE-----\n")
			.isEqualTo(authority.certificatePem());
		assertThat(PemContent.load(file).getCertificates()).containsExactly(authority.certificate());
	}

	private static byte[] keyIdentifier(X509Certificate certificate) throws Exception {
		return SubjectKeyIdentifier
			.getInstance(JcaX509ExtensionUtils
				.parseExtensionValue(certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())))
			.getKeyIdentifier();
	}

	private static X509TrustManager trustManager(KeyStore trustStore) throws Exception {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		return (X509TrustManager) factory.getTrustManagers()[0];
	}

}
