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
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * A server certificate, its private key and the chain up to the issuing
 * {@link TestCertificateAuthority}.
 *
 * @since 0.1.0
 */
public final class ServerIdentity {

	static final String ALIAS = "server";

	private final PrivateKey privateKey;

	private final List<X509Certificate> chain;

	ServerIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
		this.privateKey = privateKey;
		this.chain = List.copyOf(chain);
	}

	/**
	 * Return the leaf certificate.
	 * @return the certificate
	 */
	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	/**
	 * Return the private key of the leaf certificate.
	 * @return the private key
	 */
	public PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * Return the certificate chain, leaf first, then the authority.
	 * @return the chain
	 */
	public List<X509Certificate> chain() {
		return this.chain;
	}

	/**
	 * Return an identity with the same private key that presents exactly the given
	 * certificates in a TLS handshake, in that order, whether or not they form a chain: a
	 * server that lies about its chain.
	 * @param presentedChain the certificates to present, the first one holding the public
	 * key of {@link #privateKey()}
	 * @return the identity
	 */
	public ServerIdentity presenting(X509Certificate... presentedChain) {
		if (presentedChain.length == 0) {
			throw new IllegalArgumentException("A presented chain needs at least the leaf certificate");
		}
		return new ServerIdentity(this.privateKey, List.of(presentedChain));
	}

	/**
	 * Return a new in-memory PKCS12 key store with this identity under the alias
	 * {@code server}.
	 * @param password the password of the store and of the key entry
	 * @return the key store
	 */
	public KeyStore keyStore(char[] password) {
		try {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, null);
			keyStore.setKeyEntry(ALIAS, this.privateKey, password, this.chain.toArray(X509Certificate[]::new));
			return keyStore;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create key store", ex);
		}
	}

	/**
	 * Return a new server {@link SSLContext} that presents this identity's
	 * {@link #chain()} as it is, in order.
	 * @return the SSL context
	 */
	public SSLContext serverSslContext() {
		try {
			// A key store would refuse a chain that is out of order, as presenting()
			// allows.
			SSLContext sslContext = SSLContext.getInstance("TLS");
			sslContext.init(new KeyManager[] { new PresentedChainKeyManager(ALIAS, this.privateKey, this.chain) }, null,
					null);
			return sslContext;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create server SSL context", ex);
		}
	}

	/**
	 * Return the certificate chain as PEM text, leaf first.
	 * @return the PEM text
	 */
	public String certificateChainPem() {
		return Pem.certificates(this.chain);
	}

	/**
	 * Return the private key as unencrypted PKCS#8 PEM text ({@code PRIVATE KEY}).
	 * @return the PEM text
	 */
	public String privateKeyPem() {
		return Pem.privateKey(this.privateKey);
	}

	/**
	 * Write the certificate chain (leaf first) and the unencrypted PKCS#8 private key to
	 * PEM files, as read by OpenSSL-based servers and Spring Boot SSL bundles.
	 * @param certificateChainFile the file for the certificate chain
	 * @param privateKeyFile the file for the private key
	 */
	public void writePem(Path certificateChainFile, Path privateKeyFile) {
		Pem.write(certificateChainFile, certificateChainPem());
		Pem.write(privateKeyFile, privateKeyPem());
	}

	/**
	 * Return the public key pin of the leaf certificate: {@code sha256/} followed by the
	 * Base64 SHA-256 digest of its DER SubjectPublicKeyInfo.
	 * @return the pin
	 */
	public String spkiSha256Pin() {
		try {
			// X.509 public keys encode as their SubjectPublicKeyInfo.
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getPublicKey().getEncoded());
			return "sha256/" + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
