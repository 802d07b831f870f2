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
package io.github.mailtls.tls;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.mailtls.record.CertificateSummary;

/**
 * Checks public key pins against the certification path from the server's certificate to
 * a trust anchor, built the way trust validation builds it, rather than against whatever
 * the server presented. A server can append any certificate to its chain, so a pin
 * matching a presented certificate proves nothing; a pin on a certificate authority must
 * hold even when the server does not send that authority. OkHttp's
 * {@code CertificatePinner} checks its pins on a chain cleaned the same way.
 */
final class PinnedPathCheck {

	private final Set<TrustAnchor> anchors;

	private final Set<String> pins;

	private final String pinsProperty;

	/**
	 * Create a check.
	 * @param trustedCertificates the trust anchors, for example the
	 * {@code getAcceptedIssuers()} of the trust manager that validates the server (the
	 * SSL bundle's or the JDK's)
	 * @param pins the {@code sha256/<base64 SPKI>} pins, at least one
	 * @param pinsProperty the property the pins come from, named in the refusal
	 */
	PinnedPathCheck(X509Certificate[] trustedCertificates, List<String> pins, String pinsProperty) {
		if (trustedCertificates.length == 0) {
			throw new IllegalArgumentException("Pins need trust anchors to build a path to, and there are none");
		}
		if (pins.isEmpty()) {
			throw new IllegalArgumentException("A pin check needs at least one pin");
		}
		this.anchors = Arrays.stream(trustedCertificates)
			.map((certificate) -> new TrustAnchor(certificate, null))
			.collect(Collectors.toUnmodifiableSet());
		this.pins = Set.copyOf(pins);
		this.pinsProperty = pinsProperty;
	}

	/**
	 * Build the certification path from the first presented certificate to a trust
	 * anchor, using the other presented certificates only as candidate intermediates, and
	 * accept it if one of its certificates, the anchor included, matches a pin.
	 * @param presentedChain the certificates the server presented, its own first
	 * @return the validated path, the server's certificate first and the anchor last
	 * @throws PinMismatchException if no path can be built or none of its certificates
	 * matches a pin
	 */
	List<X509Certificate> check(X509Certificate[] presentedChain) throws PinMismatchException {
		if (presentedChain.length == 0) {
			throw new PinMismatchException("the server presented no certificate");
		}
		X509Certificate leaf = presentedChain[0];
		List<X509Certificate> path = validatedPath(presentedChain);
		for (X509Certificate certificate : path) {
			if (this.pins.contains(CertificateSummary.spkiSha256(certificate))) {
				return path;
			}
		}
		String keys = path.stream().map(CertificateSummary::spkiSha256).collect(Collectors.joining(", "));
		throw new PinMismatchException(("no certificate on the validated path from the server's certificate (%s) to a "
				+ "trust anchor matches %s (the path's keys are %s; certificates the server presented beyond that "
				+ "path do not count). If the key was rotated on purpose, add its pin; otherwise the server may be "
				+ "impersonated.")
			.formatted(subject(leaf), this.pinsProperty, keys));
	}

	private List<X509Certificate> validatedPath(X509Certificate[] presentedChain) throws PinMismatchException {
		X509Certificate leaf = presentedChain[0];
		for (TrustAnchor anchor : this.anchors) {
			if (anchor.getTrustedCert().equals(leaf)) {
				// The server presents a trust anchor itself: the path is that
				// certificate.
				return List.of(leaf);
			}
		}
		try {
			X509CertSelector target = new X509CertSelector();
			target.setCertificate(leaf);
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(this.anchors, target);
			// Revocation is trust validation's concern; this step only finds the path.
			parameters.setRevocationEnabled(false);
			parameters.addCertStore(CertStore.getInstance("Collection",
					new CollectionCertStoreParameters(Arrays.asList(presentedChain))));
			PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
				.build(parameters);
			List<X509Certificate> path = new ArrayList<>();
			result.getCertPath().getCertificates().forEach((certificate) -> path.add((X509Certificate) certificate));
			path.add(result.getTrustAnchor().getTrustedCert());
			return List.copyOf(path);
		}
		catch (CertPathBuilderException ex) {
			PinMismatchException mismatch = new PinMismatchException(("no certification path leads from the server's "
					+ "certificate (%s) to a trust anchor (%s), so %s cannot be checked")
				.formatted(subject(leaf), ex.getMessage(), this.pinsProperty));
			mismatch.initCause(ex);
			throw mismatch;
		}
		catch (InvalidAlgorithmParameterException ex) {
			throw new IllegalStateException("Cannot set up certification path building", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no PKIX certification path builder", ex);
		}
	}

	private static String subject(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().getName();
	}

	/**
	 * Thrown when no certificate on the validated path matches a pin; the message says
	 * why and what to change, for a {@code pin_mismatch} refusal.
	 */
	static final class PinMismatchException extends CertificateException {

		private static final long serialVersionUID = 1L;

		PinMismatchException(String message) {
			super(message);
		}

	}

}
