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

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A throw-away X.509 certificate authority that issues server certificates for tests.
 *
 * @since 0.1.0
 */
public final class TestCertificateAuthority {

	private static final String LOCALHOST = "localhost";

	private static final String LOOPBACK_ADDRESS = "127.0.0.1";

	private static final Duration ONE_DAY = Duration.ofDays(1);

	private final KeyPair keyPair;

	private final X509Certificate certificate;

	// This authority's certificate first, then its issuers up to the root.
	private final List<X509Certificate> chain;

	private TestCertificateAuthority(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> issuers) {
		this.keyPair = keyPair;
		this.certificate = certificate;
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(certificate);
		chain.addAll(issuers);
		this.chain = List.copyOf(chain);
	}

	/**
	 * Create a new self-signed certificate authority with a fresh key pair.
	 * @param commonName the common name of the authority
	 * @return the certificate authority
	 */
	public static TestCertificateAuthority create(String commonName) {
		KeyPair keyPair = Certificates.generateKeyPair();
		Instant now = Instant.now();
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(Certificates.name(commonName),
					Certificates.serialNumber(), Date.from(now.minus(ONE_DAY)),
					Date.from(now.plus(ONE_DAY.multipliedBy(3650))), Certificates.name(commonName),
					keyPair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keyPair.getPublic()));
			return new TestCertificateAuthority(keyPair, Certificates.sign(builder, keyPair.getPrivate()), List.of());
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create certificate authority '" + commonName + "'", ex);
		}
	}

	/**
	 * Issue an intermediate certificate authority with a fresh key pair and no limit on
	 * the number of authorities below it.
	 * @param commonName the common name of the intermediate
	 * @return the intermediate, whose {@link #chain()} ends with this authority's chain
	 */
	public TestCertificateAuthority issueIntermediate(String commonName) {
		return issueIntermediate(commonName, -1, Certificates.generateKeyPair());
	}

	/**
	 * Issue an intermediate certificate authority.
	 * @param commonName the common name of the intermediate
	 * @param pathLength the number of intermediates allowed below it (RFC 5280
	 * {@code pathLenConstraint}), or {@code -1} for no limit
	 * @param keyPair the key pair of the intermediate, for example one shared with
	 * another certificate in an attack
	 * @return the intermediate, whose {@link #chain()} ends with this authority's chain
	 */
	public TestCertificateAuthority issueIntermediate(String commonName, int pathLength, KeyPair keyPair) {
		Instant now = Instant.now();
		try {
			JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(this.certificate,
					Certificates.serialNumber(), Date.from(now.minus(ONE_DAY)),
					Date.from(now.plus(ONE_DAY.multipliedBy(3650))), Certificates.name(commonName),
					keyPair.getPublic());
			builder.addExtension(Extension.basicConstraints, true,
					(pathLength < 0) ? new BasicConstraints(true) : new BasicConstraints(pathLength));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensionUtils.createAuthorityKeyIdentifier(this.certificate));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensionUtils.createSubjectKeyIdentifier(keyPair.getPublic()));
			return new TestCertificateAuthority(keyPair, Certificates.sign(builder, this.keyPair.getPrivate()),
					this.chain);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot issue intermediate '" + commonName + "'", ex);
		}
	}

	/**
	 * Generate a fresh key pair of the kind this authority's certificates use.
	 * @return the key pair
	 */
	public static KeyPair newKeyPair() {
		return Certificates.generateKeyPair();
	}

	/**
	 * Return the key pair of this authority.
	 * @return the key pair
	 */
	public KeyPair keyPair() {
		return this.keyPair;
	}

	/**
	 * Return this authority's certificate followed by those of its issuers up to the
	 * self-signed root; only the root for an authority made by {@link #create(String)}.
	 * @return the chain
	 */
	public List<X509Certificate> chain() {
		return this.chain;
	}

	/**
	 * Return the self-signed certificate of this authority.
	 * @return the certificate
	 */
	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * Return the certificate of this authority as PEM text, as accepted inline by
	 * {@code spring.ssl.bundle.pem.*.truststore.certificate}.
	 * @return the PEM text
	 */
	public String certificatePem() {
		return Pem.certificates(List.of(this.certificate));
	}

	/**
	 * Write the certificate of this authority to a PEM file.
	 * @param file the file to write
	 */
	public void writeCertificatePem(Path file) {
		Pem.write(file, certificatePem());
	}

	/**
	 * Return a new in-memory PKCS12 trust store holding only this authority.
	 * @return the trust store
	 */
	public KeyStore trustStore() {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			trustStore.setCertificateEntry("ca", this.certificate);
			return trustStore;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create trust store", ex);
		}
	}

	/**
	 * Return a new client {@link SSLContext} that trusts only this authority.
	 * @return the SSL context
	 */
	public SSLContext clientSslContext() {
		try {
			TrustManagerFactory trustManagerFactory = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagerFactory.init(trustStore());
			SSLContext sslContext = SSLContext.getInstance("TLS");
			sslContext.init(null, trustManagerFactory.getTrustManagers(), null);
			return sslContext;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create client SSL context", ex);
		}
	}

	/**
	 * Issue a server certificate with a fresh key pair.
	 * @param commonName the subject common name
	 * @param dnsNames the DNS subject alternative names
	 * @param ipAddresses the IP address subject alternative names
	 * @param notBefore the start of the validity period
	 * @param notAfter the end of the validity period
	 * @return the server identity, chained to this authority: the leaf, then
	 * {@link #chain()}
	 */
	public ServerIdentity issue(String commonName, List<String> dnsNames, List<String> ipAddresses, Instant notBefore,
			Instant notAfter) {
		return issue(commonName, dnsNames, ipAddresses, notBefore, notAfter, Certificates.generateKeyPair());
	}

	/**
	 * Issue a server certificate, valid from a day ago for a year, for {@code localhost}
	 * and {@code 127.0.0.1} with the given key pair: in an attack, the key of a
	 * certificate authority used in a certificate that is not one.
	 * @param commonName the subject common name
	 * @param keyPair the key pair of the certificate
	 * @return the server identity, chained to this authority
	 */
	public ServerIdentity issueLocalhost(String commonName, KeyPair keyPair) {
		Instant now = Instant.now();
		return issue(commonName, List.of(LOCALHOST), List.of(LOOPBACK_ADDRESS), now.minus(ONE_DAY),
				now.plus(ONE_DAY.multipliedBy(365)), keyPair);
	}

	private ServerIdentity issue(String commonName, List<String> dnsNames, List<String> ipAddresses, Instant notBefore,
			Instant notAfter, KeyPair leafKeyPair) {
		try {
			JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(this.certificate,
					Certificates.serialNumber(), Date.from(notBefore), Date.from(notAfter),
					Certificates.name(commonName), leafKeyPair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
			builder.addExtension(Extension.extendedKeyUsage, false,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			List<GeneralName> alternativeNames = alternativeNames(dnsNames, ipAddresses);
			if (!alternativeNames.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
			}
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensionUtils.createAuthorityKeyIdentifier(this.certificate));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensionUtils.createSubjectKeyIdentifier(leafKeyPair.getPublic()));
			X509Certificate leaf = Certificates.sign(builder, this.keyPair.getPrivate());
			List<X509Certificate> chain = new ArrayList<>();
			chain.add(leaf);
			chain.addAll(this.chain);
			return new ServerIdentity(leafKeyPair.getPrivate(), chain);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot issue certificate for '" + commonName + "'", ex);
		}
	}

	/**
	 * Issue a certificate for {@code localhost} and {@code 127.0.0.1}, valid from a day
	 * ago for a year.
	 * @return the server identity
	 */
	public ServerIdentity issueLocalhost() {
		Instant now = Instant.now();
		return issue(LOCALHOST, List.of(LOCALHOST), List.of(LOOPBACK_ADDRESS), now.minus(ONE_DAY),
				now.plus(ONE_DAY.multipliedBy(365)));
	}

	/**
	 * Issue a certificate for {@code localhost} and {@code 127.0.0.1} that expired
	 * yesterday.
	 * @return the server identity
	 */
	public ServerIdentity issueExpiredLocalhost() {
		Instant now = Instant.now();
		return issue(LOCALHOST, List.of(LOCALHOST), List.of(LOOPBACK_ADDRESS), now.minus(ONE_DAY.multipliedBy(30)),
				now.minus(ONE_DAY));
	}

	/**
	 * Issue a currently valid certificate whose only subject alternative name is the
	 * given DNS name, for example to present the wrong host name.
	 * @param dnsName the DNS name
	 * @return the server identity
	 */
	public ServerIdentity issueForHost(String dnsName) {
		Instant now = Instant.now();
		return issue(dnsName, List.of(dnsName), List.of(), now.minus(ONE_DAY), now.plus(ONE_DAY.multipliedBy(365)));
	}

	private static List<GeneralName> alternativeNames(List<String> dnsNames, List<String> ipAddresses) {
		List<GeneralName> names = new ArrayList<>();
		dnsNames.forEach((dnsName) -> names.add(new GeneralName(GeneralName.dNSName, dnsName)));
		// Bouncy Castle encodes the literal as the 4 or 16 octets of RFC 5280.
		ipAddresses.forEach((ipAddress) -> names.add(new GeneralName(GeneralName.iPAddress, ipAddress)));
		return names;
	}

}
