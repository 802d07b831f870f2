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

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;

/**
 * What one connection negotiated so far. Bound to the connecting thread while the
 * transport connects, because JSSE calls the trust manager and Angus calls the session
 * verifier on that thread.
 */
final class ConnectionAttempt {

	private static final ThreadLocal<ConnectionAttempt> current = new ThreadLocal<>();

	private final String host;

	private final int port;

	private final TlsMode mode;

	private boolean greeted;

	private boolean startTlsAdvertised;

	private boolean startTlsIssued;

	private boolean requireTlsUsed;

	private boolean certificateChecked;

	private boolean sessionResumed;

	private boolean reused;

	private @Nullable TransportSecurity security;

	private @Nullable String protocol;

	private @Nullable String cipherSuite;

	private @Nullable CertificateSummary certificate;

	ConnectionAttempt(String host, int port, TlsMode mode) {
		this.host = host;
		this.port = port;
		this.mode = mode;
	}

	static @Nullable ConnectionAttempt current() {
		return current.get();
	}

	void bind() {
		current.set(this);
	}

	void unbind() {
		current.remove();
	}

	String host() {
		return this.host;
	}

	int port() {
		return this.port;
	}

	TlsMode mode() {
		return this.mode;
	}

	MailTlsPolicyException refusal(RefusalReason reason, String detail) {
		return new MailTlsPolicyException(reason, this.host, this.port, this.mode, detail);
	}

	String location() {
		return this.host + ":" + this.port;
	}

	void greeted() {
		this.greeted = true;
	}

	boolean isGreeted() {
		return this.greeted;
	}

	void startTlsAdvertised(boolean advertised) {
		this.startTlsAdvertised = advertised;
	}

	void startTlsIssued() {
		this.startTlsIssued = true;
	}

	boolean isStartTlsIssued() {
		return this.startTlsIssued;
	}

	void certificateChecked() {
		this.certificateChecked = true;
	}

	void reused(boolean reused) {
		this.reused = reused;
	}

	void requireTlsUsed() {
		this.requireTlsUsed = true;
	}

	boolean isTlsEstablished() {
		return this.protocol != null;
	}

	void tlsEstablished(SSLSession session) {
		this.security = this.startTlsIssued ? TransportSecurity.STARTTLS : TransportSecurity.IMPLICIT;
		this.protocol = session.getProtocol();
		// JSSE skips the trust manager only when it resumes an earlier session.
		this.sessionResumed = !this.certificateChecked;
		this.cipherSuite = session.getCipherSuite();
		this.certificate = leafCertificate(session);
	}

	private static @Nullable CertificateSummary leafCertificate(SSLSession session) {
		try {
			Certificate[] chain = session.getPeerCertificates();
			return (chain.length > 0 && chain[0] instanceof X509Certificate leaf) ? CertificateSummary.of(leaf) : null;
		}
		catch (SSLPeerUnverifiedException ex) {
			return null;
		}
	}

	TlsSendRecord toRecord(SendOutcome outcome, @Nullable RefusalReason reason, int messageCount, Instant started,
			long startedNanos) {
		TransportSecurity security = (this.security != null) ? this.security : TransportSecurity.of(this.mode);
		return new TlsSendRecord(started, this.host, this.port, security, this.protocol, this.cipherSuite,
				this.certificate != null, this.certificate, this.startTlsAdvertised, this.requireTlsUsed, this.reused,
				this.sessionResumed, outcome, reason, messageCount, Duration.ofNanos(System.nanoTime() - startedNanos));
	}

}
