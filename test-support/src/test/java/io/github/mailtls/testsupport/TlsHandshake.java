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

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Runs one TLS handshake between a server presenting a {@link ServerIdentity} and a
 * client, over the loopback interface.
 */
final class TlsHandshake {

	private TlsHandshake() {
	}

	/**
	 * Connect to {@code host} and complete a handshake, verifying the host name the way
	 * HTTPS does when {@code verifyHostname} is set.
	 */
	static SSLSession perform(ServerIdentity identity, SSLContext client, String host, boolean verifyHostname)
			throws IOException {
		try (SSLServerSocket server = (SSLServerSocket) identity.serverSslContext()
			.getServerSocketFactory()
			.createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
				try (SSLSocket socket = (SSLSocket) server.accept()) {
					socket.startHandshake();
				}
				catch (IOException ex) {
					// The client side reports why the handshake failed.
				}
			});
			try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(host, server.getLocalPort())) {
				socket.setSoTimeout(5000);
				if (verifyHostname) {
					SSLParameters parameters = socket.getSSLParameters();
					parameters.setEndpointIdentificationAlgorithm("HTTPS");
					socket.setSSLParameters(parameters);
				}
				socket.startHandshake();
				return socket.getSession();
			}
			finally {
				accepted.join();
			}
		}
	}

}
