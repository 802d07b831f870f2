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

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.subethamail.smtp.server.SSLSocketCreator;
import org.subethamail.smtp.server.ServerSocketCreator;

/**
 * Creates the server-side TLS sockets of a {@link SmtpTestServer}, limited to the chosen
 * protocols.
 */
final class TlsSockets {

	private TlsSockets() {
	}

	static SSLSocketCreator startTls(SSLContext sslContext, List<String> protocols) {
		return (socket) -> {
			// The address literal avoids the reverse lookup that getHostName() would do.
			SSLSocket tlsSocket = (SSLSocket) sslContext.getSocketFactory()
				.createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
			tlsSocket.setUseClientMode(false);
			if (!protocols.isEmpty()) {
				tlsSocket.setEnabledProtocols(protocols.toArray(String[]::new));
			}
			return tlsSocket;
		};
	}

	static ServerSocketCreator implicit(SSLContext sslContext, List<String> protocols) {
		return () -> {
			SSLServerSocket serverSocket = (SSLServerSocket) sslContext.getServerSocketFactory().createServerSocket();
			if (!protocols.isEmpty()) {
				serverSocket.setEnabledProtocols(protocols.toArray(String[]::new));
			}
			return serverSocket;
		};
	}

}
