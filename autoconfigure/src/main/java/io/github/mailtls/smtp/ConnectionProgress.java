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
package io.github.mailtls.smtp;

import java.net.Socket;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.tls.HandshakeCapture;
import io.github.mailtls.tls.TlsHandshake;
import io.github.mailtls.tls.WriteCork;

/**
 * How far the transport's current connection has got: where it goes, whether the server
 * greeted it and offered or took STARTTLS, and the TLS layer once there is one. Reset by
 * every connect; it is what the facts of a send and the explanation of a failed connect
 * are made of. Used under the transport's monitor, except for the socket.
 */
final class ConnectionProgress {

	private String host = "localhost";

	private int port = -1;

	private boolean greeted;

	private boolean startTlsAdvertised;

	private boolean startTlsIssued;

	// Watches the handshake while a connect runs; what it saw is kept once it is done.
	private @Nullable HandshakeCapture capture;

	private @Nullable TlsHandshake handshake;

	private @Nullable WriteCork cork;

	// Read without the transport's monitor, to bound waits on a connection in use.
	private volatile @Nullable Socket socket;

	/**
	 * Start over for a new connection.
	 * @param host the host it goes to
	 * @param port the port it goes to
	 */
	void connecting(String host, int port) {
		this.host = host;
		this.port = port;
		this.greeted = false;
		this.startTlsAdvertised = false;
		this.startTlsIssued = false;
		this.handshake = null;
		this.cork = null;
	}

	/**
	 * Watch the connect's TLS handshake.
	 * @param capture the capture of the thread that connects
	 */
	void capturing(HandshakeCapture capture) {
		this.capture = capture;
	}

	/**
	 * Keep what the capture saw once the connect is done, successful or not.
	 * @param capture the capture given to {@link #capturing}
	 */
	void captured(HandshakeCapture capture) {
		this.handshake = capture.handshake();
		this.socket = capture.socket();
		this.cork = capture.cork();
		this.capture = null;
	}

	/**
	 * Note that the server's greeting was read: the transport is about to send EHLO.
	 */
	void greetingRead() {
		this.greeted = true;
	}

	/**
	 * Note whether the server advertised STARTTLS in plaintext.
	 * @param advertised whether it did
	 */
	void startTlsAdvertised(boolean advertised) {
		this.startTlsAdvertised = advertised;
	}

	/**
	 * Note that STARTTLS is being sent.
	 */
	void issuingStartTls() {
		this.startTlsIssued = true;
	}

	boolean startTlsIssued() {
		return this.startTlsIssued;
	}

	String host() {
		return this.host;
	}

	int port() {
		return this.port;
	}

	@Nullable WriteCork cork() {
		return this.cork;
	}

	@Nullable Socket socket() {
		return this.socket;
	}

	/**
	 * Return what the connection established so far.
	 * @param mode the policy's mode, or STARTTLS for a session without one
	 * @return the facts
	 */
	ConnectionFacts facts(TlsMode mode) {
		TlsHandshake negotiated = negotiatedHandshake();
		TransportSecurity security;
		if (negotiated != null) {
			security = this.startTlsIssued ? TransportSecurity.STARTTLS : TransportSecurity.IMPLICIT;
		}
		else {
			// Without TLS: what the policy demanded, or plaintext where the mode allows
			// it.
			security = mode.requiresTls() ? TransportSecurity.of(mode) : TransportSecurity.NONE;
		}
		return new ConnectionFacts(this.host, this.port, security, this.startTlsAdvertised, negotiated);
	}

	/**
	 * Return how far the connection got, to explain why it failed.
	 * @param mode the policy's mode, or STARTTLS for a session without one
	 * @return the state
	 */
	ConnectionFailureExplainer.ConnectState connectState(TlsMode mode) {
		return new ConnectionFailureExplainer.ConnectState(this.host, this.port, mode, this.greeted,
				this.startTlsIssued, negotiatedHandshake() != null);
	}

	private @Nullable TlsHandshake negotiatedHandshake() {
		HandshakeCapture current = this.capture;
		return (current != null) ? current.handshake() : this.handshake;
	}

}
