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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Writes certificates and keys in the PEM encoding that OpenSSL and Spring Boot read.
 */
final class Pem {

	// RFC 7468 asks for 64 characters per line; OpenSSL rejects longer lines.
	private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

	private Pem() {
	}

	static String certificates(List<X509Certificate> certificates) {
		StringBuilder pem = new StringBuilder();
		for (X509Certificate certificate : certificates) {
			try {
				pem.append(block("CERTIFICATE", certificate.getEncoded()));
			}
			catch (CertificateEncodingException ex) {
				throw new IllegalStateException("Certificate cannot be encoded", ex);
			}
		}
		return pem.toString();
	}

	static String privateKey(PrivateKey privateKey) {
		// getEncoded() of a JCA private key is PKCS#8, which is the "PRIVATE KEY" label.
		return block("PRIVATE KEY", privateKey.getEncoded());
	}

	static void write(Path file, String pem) {
		try {
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to write " + file, ex);
		}
	}

	private static String block(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + label + "-----\n";
	}

}
