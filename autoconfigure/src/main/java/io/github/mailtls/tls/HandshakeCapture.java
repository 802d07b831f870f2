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

import org.jspecify.annotations.Nullable;

/**
 * Carries the result of the TLS handshake from JSSE and Angus back to the connection that
 * started it. Angus creates TLS sockets in static code from the shared session properties
 * and calls the trust manager and the post-handshake check on the connecting thread, so
 * this capture is bound to that thread for exactly one connect call and is written at
 * most once, with an immutable {@link TlsHandshake}.
 *
 * @since 0.1.0
 */
public final class HandshakeCapture implements AutoCloseable {

	private static final ThreadLocal<HandshakeCapture> current = new ThreadLocal<>();

	private boolean certificateVerified;

	private @Nullable TlsHandshake handshake;

	private @Nullable Socket socket;

	private @Nullable WriteCork cork;

	private HandshakeCapture() {
	}

	/**
	 * Bind a new capture to the calling thread until {@link #close()}.
	 * @return the capture
	 */
	public static HandshakeCapture open() {
		HandshakeCapture capture = new HandshakeCapture();
		current.set(capture);
		return capture;
	}

	static @Nullable HandshakeCapture current() {
		return current.get();
	}

	// The TCP socket, or for implicit TLS the TLS socket, that the factories created for
	// this connect call: the pool bounds its checks with the socket's read timeout.
	void socketCreated(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Return the socket created for this connect call, if any.
	 * @return the socket or {@code null}
	 */
	public @Nullable Socket socket() {
		return this.socket;
	}

	// Each guarded layer created for this connect call: Angus writes to the last one,
	// the TLS layer once TLS is established.
	void layerCreated(WriteCork layer) {
		this.cork = layer;
	}

	/**
	 * Return the cork of the socket layer that Angus writes its commands to, if the
	 * connection was made through the guarded socket factories.
	 * @return the cork or {@code null}
	 */
	public @Nullable WriteCork cork() {
		return this.cork;
	}

	// JSSE calls the trust manager only for a full handshake, never on resumption.
	void certificateVerified() {
		this.certificateVerified = true;
	}

	boolean isCertificateVerified() {
		return this.certificateVerified;
	}

	void completed(TlsHandshake handshake) {
		if (this.handshake != null) {
			throw new IllegalStateException("A connection negotiates TLS once");
		}
		this.handshake = handshake;
	}

	/**
	 * Return the verified handshake, if TLS was negotiated.
	 * @return the handshake or {@code null}
	 */
	public @Nullable TlsHandshake handshake() {
		return this.handshake;
	}

	@Override
	public void close() {
		current.remove();
	}

}
