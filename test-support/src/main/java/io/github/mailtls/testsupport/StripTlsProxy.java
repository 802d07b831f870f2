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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A man-in-the-middle TCP proxy for plaintext SMTP on the loopback interface that records
 * every byte it relays and can strip {@code STARTTLS} from EHLO replies.
 *
 * @since 0.1.0
 */
public final class StripTlsProxy implements AutoCloseable {

	private static final byte[] LOOPBACK = { 127, 0, 0, 1 };

	private final InetSocketAddress target;

	private volatile boolean stripping;

	private volatile boolean down;

	private final ServerSocket serverSocket;

	private final ByteArrayOutputStream clientBytes = new ByteArrayOutputStream();

	private final ByteArrayOutputStream serverBytes = new ByteArrayOutputStream();

	private final AtomicInteger connectionCount = new AtomicInteger();

	private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();

	private final Thread acceptor;

	private StripTlsProxy(String targetHost, int targetPort, boolean stripping) {
		this.target = new InetSocketAddress(targetHost, targetPort);
		this.stripping = stripping;
		try {
			this.serverSocket = new ServerSocket(0, 50, InetAddress.getByAddress(LOOPBACK));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1", ex);
		}
		this.acceptor = daemon(this::acceptConnections, "strip-tls-proxy-" + port());
	}

	/**
	 * Start a proxy that removes the {@code STARTTLS} capability from the server's EHLO
	 * replies and relays everything else unchanged.
	 * @param targetHost the host of the SMTP server
	 * @param targetPort the port of the SMTP server
	 * @return the started proxy
	 */
	public static StripTlsProxy stripping(String targetHost, int targetPort) {
		return start(new StripTlsProxy(targetHost, targetPort, true));
	}

	/**
	 * Start a proxy that relays both directions unchanged and only records them.
	 * @param targetHost the host of the SMTP server
	 * @param targetPort the port of the SMTP server
	 * @return the started proxy
	 */
	public static StripTlsProxy passthrough(String targetHost, int targetPort) {
		return start(new StripTlsProxy(targetHost, targetPort, false));
	}

	private static StripTlsProxy start(StripTlsProxy proxy) {
		proxy.acceptor.start();
		return proxy;
	}

	/**
	 * Switch STARTTLS stripping on or off for connections accepted from now on, so that a
	 * test can show a client the real server first and attack it later at the same
	 * address.
	 * @param stripping whether to strip STARTTLS
	 */
	public void stripStartTls(boolean stripping) {
		this.stripping = stripping;
	}

	/**
	 * Simulate the server going down and coming back: while down, open connections are
	 * cut and new ones are closed as soon as they are accepted.
	 * @param down whether the server is unreachable
	 */
	public void serverDown(boolean down) {
		this.down = down;
		if (down) {
			this.connections.forEach(ProxyConnection::close);
		}
	}

	/**
	 * Forget the bytes recorded so far in both directions.
	 */
	public void clearRecording() {
		this.clientBytes.reset();
		this.serverBytes.reset();
	}

	/**
	 * Return the port that the proxy listens on at {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * Return every byte that clients sent through the proxy, over all connections, in the
	 * order received.
	 * @return the bytes
	 */
	public byte[] clientBytes() {
		return this.clientBytes.toByteArray();
	}

	/**
	 * Return {@link #clientBytes()} decoded as ISO-8859-1.
	 * @return the text
	 */
	public String clientText() {
		return new String(clientBytes(), StandardCharsets.ISO_8859_1);
	}

	/**
	 * Return every byte that the proxy forwarded to clients, after any rewriting.
	 * @return the bytes
	 */
	public byte[] serverBytes() {
		return this.serverBytes.toByteArray();
	}

	/**
	 * Return {@link #serverBytes()} decoded as ISO-8859-1.
	 * @return the text
	 */
	public String serverText() {
		return new String(serverBytes(), StandardCharsets.ISO_8859_1);
	}

	/**
	 * Return the number of client connections accepted so far.
	 * @return the connection count
	 */
	public int connectionCount() {
		return this.connectionCount.get();
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// The acceptor stops either way.
		}
		this.connections.forEach(ProxyConnection::close);
		try {
			this.acceptor.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void acceptConnections() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket client = this.serverSocket.accept();
				this.connectionCount.incrementAndGet();
				ProxyConnection connection = new ProxyConnection(client);
				if (this.down) {
					connection.close();
					continue;
				}
				this.connections.add(connection);
				if (this.serverSocket.isClosed()) {
					// close() ran between accept() and add(): it did not see this one.
					connection.close();
					return;
				}
				daemon(() -> relay(connection), "strip-tls-proxy-client-" + client.getPort()).start();
			}
			catch (IOException ex) {
				// Thrown once close() has closed the server socket.
			}
		}
	}

	private void relay(ProxyConnection connection) {
		try {
			connection.connect(this.target);
		}
		catch (IOException ex) {
			connection.close();
			return;
		}
		RelayFilter filter = this.stripping ? new StartTlsStripper() : RelayFilter.NONE;
		daemon(() -> connection.relayFromServer(filter, this.serverBytes),
				Thread.currentThread().getName() + "-replies")
			.start();
		connection.relayFromClient(this.clientBytes);
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
