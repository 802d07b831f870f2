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
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * A TCP server on the loopback interface that runs one script against its first
 * connection, for replies that no real SMTP server sends.
 */
final class ScriptedServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final CompletableFuture<Void> script;

	ScriptedServer(Script script) throws IOException {
		this.serverSocket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
		this.script = CompletableFuture.runAsync(() -> {
			try (Socket socket = this.serverSocket.accept()) {
				socket.setSoTimeout(5000);
				script.run(socket);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * Wait for the script to end, rethrowing its failure.
	 */
	void await() {
		this.script.join();
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
	}

	interface Script {

		void run(Socket socket) throws IOException;

	}

}
