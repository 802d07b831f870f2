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

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The policy's {@link SSLSocketFactory}, which also turns Nagle's algorithm off on the
 * TCP socket under each TLS layer (Angus creates that socket itself for implicit TLS).
 * The TLS sockets it layers bound every reply read over TLS
 * ({@link BoundedReplySockets}); they remain {@code SSLSocket}s for Angus.
 *
 * @since 0.1.0
 */
public final class TlsSocketFactory extends SSLSocketFactory {

	private final SSLSocketFactory delegate;

	/**
	 * Create a factory that creates its sockets with the given one.
	 * @param delegate the policy's SSL socket factory
	 */
	public TlsSocketFactory(SSLSocketFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		socket.setTcpNoDelay(true);
		SSLSocket tls = BoundedReplySockets.layer(this.delegate, socket, host, port, autoClose);
		HandshakeCapture capture = HandshakeCapture.current();
		if (capture != null) {
			// The TLS layer is the connection's socket from now on; closing it closes
			// all.
			capture.socketCreated(tls);
		}
		return tls;
	}

	@Override
	public Socket createSocket() throws IOException {
		return NoDelaySocketFactory.noDelay(this.delegate.createSocket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return NoDelaySocketFactory.noDelay(this.delegate.createSocket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return NoDelaySocketFactory.noDelay(this.delegate.createSocket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return NoDelaySocketFactory.noDelay(this.delegate.createSocket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return NoDelaySocketFactory.noDelay(this.delegate.createSocket(address, port, localAddress, localPort));
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return this.delegate.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.delegate.getSupportedCipherSuites();
	}

}
