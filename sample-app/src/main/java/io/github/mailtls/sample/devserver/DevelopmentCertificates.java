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
package io.github.mailtls.sample.devserver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority and a server certificate for {@code localhost} and
 * {@code 127.0.0.1} that it issued, generated in memory.
 */
final class DevelopmentCertificates {

	private static final SecureRandom random = new SecureRandom();

	// Only protects the in-memory key store behind the server's SSLContext.
	private static final char[] KEY_STORE_PASSWORD = "development".toCharArray();

	private final X509Certificate authority;

	private final PrivateKey serverKey;

	private final X509Certificate server;

	private DevelopmentCertificates(X509Certificate authority, PrivateKey serverKey, X509Certificate server) {
		this.authority = authority;
		this.serverKey = serverKey;
		this.server = server;
	}

	/**
	 * Generate a new authority and a server certificate valid from now on.
	 * @param validity how long the server certificate is valid
	 * @return the certificates
	 */
	static DevelopmentCertificates generate(Duration validity) {
		Instant now = Instant.now();
		try {
			KeyPair authorityKeys = generateKeyPair();
			X500Name authorityName = new X500Name("O=mail-tls sample, CN=mail-tls sample development CA");
			X509v3CertificateBuilder authority = new JcaX509v3CertificateBuilder(authorityName, serialNumber(),
					Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity).plus(Duration.ofDays(1))),
					authorityName, authorityKeys.getPublic());
			authority.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			authority.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			X509Certificate authorityCertificate = sign(authority, authorityKeys.getPrivate());
			KeyPair serverKeys = generateKeyPair();
			X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(authorityCertificate, serialNumber(),
					Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
					new X500Name("O=mail-tls sample, CN=localhost"), serverKeys.getPublic());
			addServerExtensions(server, authorityCertificate, serverKeys);
			return new DevelopmentCertificates(authorityCertificate, serverKeys.getPrivate(),
					sign(server, authorityKeys.getPrivate()));
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Cannot generate the development certificates", ex);
		}
	}

	/**
	 * Return the server certificate.
	 * @return the certificate
	 */
	X509Certificate serverCertificate() {
		return this.server;
	}

	/**
	 * Return the authority certificate as PEM text, which Spring Boot accepts inline in
	 * {@code spring.ssl.bundle.pem.*.truststore.certificate}.
	 * @return the PEM text
	 */
	String authorityPem() {
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(this.authority);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pem.toString();
	}

	/**
	 * Return a server {@link SSLContext} that presents the server certificate and its
	 * chain.
	 * @return the SSL context
	 */
	SSLContext serverSslContext() {
		try {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, null);
			keyStore.setKeyEntry("server", this.serverKey, KEY_STORE_PASSWORD,
					new X509Certificate[] { this.server, this.authority });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keyStore, KEY_STORE_PASSWORD);
			SSLContext sslContext = SSLContext.getInstance("TLS");
			sslContext.init(keyManagers.getKeyManagers(), null, null);
			return sslContext;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create the development server's SSLContext", ex);
		}
	}

	private static void addServerExtensions(X509v3CertificateBuilder server, X509Certificate authority,
			KeyPair serverKeys) throws GeneralSecurityException, CertIOException {
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		// Both names, so that hostname verification passes for either spelling of the
		// host.
		server.addExtension(Extension.subjectAlternativeName, false,
				new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
		server.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(authority));
		server.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
	}

	private static KeyPair generateKeyPair() throws GeneralSecurityException {
		// EC keys generate in milliseconds, which keeps startup quick.
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), random);
		return generator.generateKeyPair();
	}

	private static BigInteger serialNumber() {
		return new BigInteger(127, random).add(BigInteger.ONE);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
			throws GeneralSecurityException {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException("Cannot sign certificate", ex);
		}
	}

}
