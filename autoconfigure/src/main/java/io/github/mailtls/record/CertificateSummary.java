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
package io.github.mailtls.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * The facts about a server certificate that are safe to report.
 *
 * @param subject the subject distinguished name
 * @param issuer the issuer distinguished name
 * @param notAfter the end of the validity period
 * @param spkiSha256 the public key fingerprint as {@code sha256/<base64>}, the format of
 * {@code mail.tls.pinned-public-keys}
 * @since 0.1.0
 */
public record CertificateSummary(String subject, String issuer, Instant notAfter, String spkiSha256) {

	/**
	 * Summarise the given certificate.
	 * @param certificate the certificate
	 * @return the summary
	 */
	public static CertificateSummary of(X509Certificate certificate) {
		return new CertificateSummary(certificate.getSubjectX500Principal().getName(),
				certificate.getIssuerX500Principal().getName(), certificate.getNotAfter().toInstant(),
				spkiSha256(certificate));
	}

	/**
	 * Return the SHA-256 pin of a certificate's SubjectPublicKeyInfo.
	 * @param certificate the certificate
	 * @return the pin as {@code sha256/<base64>}
	 */
	public static String spkiSha256(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
			return "sha256/" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
