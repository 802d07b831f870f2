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
package io.github.mailtls.sample.devserver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.subethamail.smtp.server.SMTPServer;

/**
 * A SubEthaSMTP server on {@code 127.0.0.1} that requires STARTTLS before it accepts
 * mail, or that offers no TLS at all, to show how the sender refuses such a server.
 */
final class DevelopmentSmtpServer implements AutoCloseable {

	private final SMTPServer server;

	private DevelopmentSmtpServer(SMTPServer server) {
		this.server = server;
	}

	/**
	 * Start a server.
	 * @param port the port to listen on, {@code 0} for any free port
	 * @param startTls whether to offer and require STARTTLS
	 * @param sslContext the server SSL context used after STARTTLS
	 * @param inbox where accepted messages go
	 * @return the started server
	 */
	static DevelopmentSmtpServer start(int port, boolean startTls, SSLContext sslContext, Inbox inbox) {
		SMTPServer.Builder builder = SMTPServer.port(port)
			.bindAddress(loopback())
			.hostName("localhost")
			.softwareName("mail-tls sample development SMTP server")
			.connectionTimeout(60, TimeUnit.SECONDS)
			.executorService(daemonExecutor())
			.messageHandlerFactory(new InboxMessageHandlerFactory(inbox));
		if (startTls) {
			builder.enableTLS().requireTLS().startTlsSocketFactory((socket) -> {
				// The address literal avoids the reverse lookup that getHostName() would
				// do.
				SSLSocket tlsSocket = (SSLSocket) sslContext.getSocketFactory()
					.createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
				tlsSocket.setUseClientMode(false);
				return tlsSocket;
			});
		}
		SMTPServer server = builder.build();
		server.start();
		return new DevelopmentSmtpServer(server);
	}

	/**
	 * Return the port that the server listens on.
	 * @return the port
	 */
	int port() {
		return this.server.getPortAllocated();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static InetAddress loopback() {
		try {
			return InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ExecutorService daemonExecutor() {
		// Session threads must not keep the JVM alive after the application has stopped.
		return Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "development-smtp-session");
			thread.setDaemon(true);
			return thread;
		});
	}

}
