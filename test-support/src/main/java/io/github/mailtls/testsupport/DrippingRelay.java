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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay that passes the client's bytes to the server at once and the server's bytes
 * to the client one at a time, with a pause before each: a slow or hostile path below
 * TLS, which can stretch a TLS handshake over any length of time while every single read
 * still returns well within a read timeout.
 *
 * @since 0.1.0
 */
public final class DrippingRelay implements AutoCloseable {

	private final ServerSocket listener;

	private final String host;

	private final int targetPort;

	private final Duration interval;

	private final AtomicLong bytesToClient = new AtomicLong();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private DrippingRelay(String host, int targetPort, Duration interval) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.host = host;
		this.targetPort = targetPort;
		this.interval = interval;
		daemon(this::accept, "dripping-relay-accept").start();
	}

	/**
	 * Start a relay to the given server.
	 * @param host the server host
	 * @param port the server port
	 * @param interval the pause before each byte from the server
	 * @return the running relay
	 */
	public static DrippingRelay to(String host, int port, Duration interval) {
		try {
			return new DrippingRelay(host, port, interval);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the port clients connect to.
	 * @return the port
	 */
	public int port() {
		return this.listener.getLocalPort();
	}

	/**
	 * Return how many of the server's bytes reached clients so far.
	 * @return the byte count
	 */
	public long bytesToClient() {
		return this.bytesToClient.get();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(this.host, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				daemon(() -> copy(client, server, false), "dripping-relay-up").start();
				daemon(() -> copy(server, client, true), "dripping-relay-down").start();
			}
			catch (IOException ex) {
				// Closed, or the server is gone: nothing more to relay.
			}
		}
	}

	private void copy(Socket from, Socket to, boolean drip) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream()) {
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (!drip) {
					out.write(buffer, 0, read);
					out.flush();
					continue;
				}
				for (int i = 0; i < read; i++) {
					Thread.sleep(this.interval.toMillis());
					out.write(buffer[i]);
					out.flush();
					this.bytesToClient.incrementAndGet();
				}
			}
		}
		catch (IOException ex) {
			// One side closed: the other follows below.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	@Override
	public void close() {
		closeQuietly(this.listener);
		this.sockets.forEach(DrippingRelay::closeQuietly);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing is the point.
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
