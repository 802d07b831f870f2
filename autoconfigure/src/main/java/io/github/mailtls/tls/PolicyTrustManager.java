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

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;

/**
 * Delegates the trust decision to the configured trust material and turns a rejection
 * into a {@link TlsRefusal} with a precise {@link RefusalReason}, carried as the cause of
 * the {@link CertificateException} that aborts the handshake.
 */
final class PolicyTrustManager extends X509ExtendedTrustManager {

	private final X509ExtendedTrustManager delegate;

	private final String trustSource;

	private final @Nullable PinnedPathCheck pinnedPathCheck;

	PolicyTrustManager(X509ExtendedTrustManager delegate, String trustSource, List<String> pinnedPublicKeys) {
		this.delegate = delegate;
		this.trustSource = trustSource;
		this.pinnedPathCheck = pinnedPublicKeys.isEmpty() ? null
				: new PinnedPathCheck(delegate.getAcceptedIssuers(), pinnedPublicKeys, "mail.tls.pinned-public-keys");
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		markChecked();
		try {
			this.delegate.checkServerTrusted(chain, authType, socket);
		}
		catch (CertificateException ex) {
			throw explain(chain, authType, peerHost(socket), ex);
		}
		checkPins(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		markChecked();
		try {
			this.delegate.checkServerTrusted(chain, authType, engine);
		}
		catch (CertificateException ex) {
			throw explain(chain, authType, engine.getPeerHost(), ex);
		}
		checkPins(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		markChecked();
		try {
			this.delegate.checkServerTrusted(chain, authType);
		}
		catch (CertificateException ex) {
			throw explain(chain, authType, null, ex);
		}
		checkPins(chain);
	}

	private static void markChecked() {
		HandshakeCapture capture = HandshakeCapture.current();
		if (capture != null) {
			capture.certificateVerified();
		}
	}

	private static @Nullable String peerHost(Socket socket) {
		if (socket instanceof SSLSocket sslSocket && sslSocket.getHandshakeSession() != null) {
			return sslSocket.getHandshakeSession().getPeerHost();
		}
		return null;
	}

	// Pins are checked on top of normal trust, on every full handshake, against the path
	// that trust validation accepted rather than the certificates the server presented.
	private void checkPins(X509Certificate[] chain) throws CertificateException {
		if (this.pinnedPathCheck == null) {
			return;
		}
		try {
			this.pinnedPathCheck.check(chain);
		}
		catch (PinnedPathCheck.PinMismatchException ex) {
			TlsRefusal refusal = new TlsRefusal(RefusalReason.PIN_MISMATCH, String.valueOf(ex.getMessage()));
			refusal.addSuppressed(ex);
			throw new CertificateException(refusal.getMessage(), refusal);
		}
	}

	private CertificateException explain(X509Certificate[] chain, String authType, @Nullable String host,
			CertificateException cause) {
		if (chain.length == 0) {
			return cause;
		}
		RefusalReason reason = reasonFor(chain, authType);
		TlsRefusal refusal = new TlsRefusal(reason, describe(reason, chain[0], host));
		refusal.addSuppressed(cause);
		return new CertificateException(refusal.getMessage(), refusal);
	}

	private RefusalReason reasonFor(X509Certificate[] chain, String authType) {
		try {
			chain[0].checkValidity();
		}
		catch (CertificateExpiredException | CertificateNotYetValidException ex) {
			return RefusalReason.CERTIFICATE_EXPIRED;
		}
		try {
			// Without the socket the delegate validates the chain but not the host name.
			this.delegate.checkServerTrusted(chain, authType);
			return RefusalReason.HOSTNAME_MISMATCH;
		}
		catch (CertificateException ex) {
			return RefusalReason.CERTIFICATE_UNTRUSTED;
		}
	}

	private String describe(RefusalReason reason, X509Certificate leaf, @Nullable String host) {
		String subject = leaf.getSubjectX500Principal().getName();
		return switch (reason) {
			case CERTIFICATE_EXPIRED -> ("the server certificate (%s) is valid from %s to %s, not now. "
					+ "Renew the certificate on the server.")
				.formatted(subject, leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
			case HOSTNAME_MISMATCH -> ("the server certificate (%s) is valid for %s, not for '%s'. "
					+ "Set spring.mail.host to a name the certificate holds, or fix the certificate.")
				.formatted(subject, subjectAlternativeNames(leaf), host);
			default -> ("the server certificate (%s, issued by %s) does not chain to a certificate trusted by %s. "
					+ "Add the issuing CA certificate to the SSL bundle named by mail.tls.ssl-bundle.")
				.formatted(subject, leaf.getIssuerX500Principal().getName(), this.trustSource);
		};
	}

	private static List<String> subjectAlternativeNames(X509Certificate certificate) {
		List<String> names = new ArrayList<>();
		try {
			Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
			if (entries != null) {
				entries.forEach((entry) -> names.add(String.valueOf(entry.get(1))));
			}
		}
		catch (CertificateParsingException ex) {
			// Leave the list empty: the names only improve the message.
		}
		return names;
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType, socket);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType, engine);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.delegate.getAcceptedIssuers();
	}

}
