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

import javax.net.SocketFactory;

/**
 * Creates the plain TCP sockets that STARTTLS sessions start on, with Nagle's algorithm
 * off: SMTP writes small commands and waits for each reply, so delaying a write until the
 * previous one is acknowledged only adds latency. The sockets bound every reply the
 * server sends ({@link BoundedReplySockets}).
 *
 * @since 0.1.0
 */
public final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws IOException {
		// Angus creates every plaintext session's socket this way; its replies are
		// bounded from the greeting on.
		return noDelay(BoundedReplySockets.plain());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		HandshakeCapture capture = HandshakeCapture.current();
		if (capture != null) {
			capture.socketCreated(socket);
		}
		return socket;
	}

}
