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
import java.io.InputStream;
import java.net.Socket;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Creates the sockets of an SMTP session so that no reply can exhaust the client: each
 * reply is bounded to 512 octets per line, 100 lines and 64 KiB, and must be complete
 * within the read timeout (not per read: a server dripping a byte at a time is cut off).
 * A violated bound closes the connection and fails the read with a
 * {@link ReplyLimitExceededException} or {@link ReplyTimeoutException}.
 */
final class BoundedReplySockets {

	private BoundedReplySockets() {
	}

	/**
	 * Create an unconnected TCP socket for a session that starts in plaintext.
	 * @return the socket
	 */
	static Socket plain() {
		return new GuardedPlainSocket();
	}

	/**
	 * Layer TLS over a connected socket, as for STARTTLS or implicit TLS, with the
	 * replies read over TLS bounded the same way. The handshake is not started.
	 * @param factory the factory of the TLS sockets
	 * @param socket the connected socket, possibly wrapping one made by {@link #plain()}
	 * @param host the server host
	 * @param port the server port
	 * @param autoClose whether closing the TLS socket closes {@code socket}
	 * @return the TLS socket, which Angus sees as an {@link SSLSocket}
	 * @throws IOException if the TLS socket cannot be created
	 */
	static SSLSocket layer(SSLSocketFactory factory, Socket socket, String host, int port, boolean autoClose)
			throws IOException {
		// Angus' write-timeout wrapper hands out the wrapped socket's stream unchanged.
		InputStream input = socket.getInputStream();
		SSLSocket tls = (SSLSocket) factory.createSocket(socket, host, port, autoClose);
		GuardedStreams.Closer closer = () -> closeQuietly(socket);
		if (input instanceof GuardedStreams.Input plain) {
			// The plain layer keeps applying the deadline to every TLS record it reads.
			plain.guard().carryTls();
			ReplyDeadline deadline = plain.guard().deadline();
			return new BoundedSslSocket(tls, new GuardedStreams(deadline, (timeout) -> {
			}, closer, true), deadline);
		}
		ReplyDeadline deadline = new ReplyDeadline(host + ":" + port, socket.getSoTimeout());
		return new BoundedSslSocket(tls, new GuardedStreams(deadline, tls::setSoTimeout, closer, true), deadline);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing is the point; a failure leaves nothing to do.
		}
	}

}
