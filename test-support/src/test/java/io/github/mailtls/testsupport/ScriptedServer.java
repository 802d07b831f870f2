package io.github.mailtls.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * A TCP server on the loopback interface that runs one script against its first
 * connection, for replies that no real SMTP server sends.
 *
 * @author mail-tls
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
