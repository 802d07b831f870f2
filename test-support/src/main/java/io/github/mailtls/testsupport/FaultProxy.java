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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * A fault-injecting SMTP proxy on the loopback interface. It relays one command and one
 * reply at a time and, per connection, resets, stalls, drops a reply or answers by itself
 * at a given command or byte count. To see commands inside TLS it terminates TLS on both
 * sides: it presents a test certificate to the client (which must trust its authority)
 * and opens its own TLS session to the server, after {@code STARTTLS} or from the first
 * byte.
 *
 * @since 0.1.0
 */
public final class FaultProxy implements AutoCloseable {

	private static final byte[] LOOPBACK = { 127, 0, 0, 1 };

	private final InetSocketAddress target;

	private final TlsTermination tls;

	private final ServerSocket serverSocket;

	private final Map<Integer, List<Fault>> faults = new ConcurrentHashMap<>();

	private final List<Fault> everyConnection = new CopyOnWriteArrayList<>();

	private final Set<FaultSession> sessions = ConcurrentHashMap.newKeySet();

	private final List<ProxiedCommand> commands = new CopyOnWriteArrayList<>();

	private final ByteArrayOutputStream clientBytes = new ByteArrayOutputStream();

	private final AtomicInteger connectionCount = new AtomicInteger();

	private final Thread acceptor;

	private FaultProxy(Builder builder) {
		this.target = new InetSocketAddress(builder.host, builder.port);
		this.tls = builder.tls;
		try {
			this.serverSocket = new ServerSocket(0, 50, InetAddress.getByAddress(LOOPBACK));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1", ex);
		}
		this.acceptor = daemon(this::acceptConnections, "fault-proxy-" + port());
		this.acceptor.start();
	}

	/**
	 * Return a builder for a proxy in front of the given server.
	 * @param host the host of the SMTP server
	 * @param port the port of the SMTP server
	 * @return the builder
	 */
	public static Builder to(String host, int port) {
		return new Builder(host, port);
	}

	/**
	 * Inject faults into the connection with the given index (0 for the first accepted
	 * one), in addition to those given before. Faults apply from the connection's next
	 * line on, so they can be given before or after it is accepted.
	 * @param connection the connection index
	 * @param faults the faults
	 * @return this proxy
	 */
	public FaultProxy inject(int connection, Fault... faults) {
		this.faults.computeIfAbsent(connection, (key) -> new CopyOnWriteArrayList<>()).addAll(List.of(faults));
		return this;
	}

	/**
	 * Inject faults into every connection, open or to come.
	 * @param faults the faults
	 * @return this proxy
	 */
	public FaultProxy injectEverywhere(Fault... faults) {
		this.everyConnection.addAll(List.of(faults));
		return this;
	}

	/**
	 * Forget every fault given so far.
	 */
	public void clearFaults() {
		this.faults.clear();
		this.everyConnection.clear();
	}

	/**
	 * Make every open connection stop relaying at the client's next line, without closing
	 * anything, as a crashed host or a network partition would. Connections accepted
	 * later are not affected.
	 */
	public void stallOpenConnections() {
		this.sessions.forEach(FaultSession::stallAtNextLine);
	}

	/**
	 * Return the port that the proxy listens on at {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * Return the number of client connections accepted so far.
	 * @return the connection count
	 */
	public int connectionCount() {
		return this.connectionCount.get();
	}

	/**
	 * Return the number of connections that are still being relayed or stalled.
	 * @return the open connection count
	 */
	public int openConnectionCount() {
		return this.sessions.size();
	}

	/**
	 * Return every command line that clients sent, in order of arrival, with the
	 * connection it came on. Message content and SASL continuation lines are not
	 * included.
	 * @return the commands
	 */
	public List<ProxiedCommand> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * Return every byte that clients sent, TLS removed, over all connections, in the
	 * order received, whether or not it was forwarded.
	 * @return the bytes
	 */
	public byte[] clientBytes() {
		synchronized (this.clientBytes) {
			return this.clientBytes.toByteArray();
		}
	}

	/**
	 * Return {@link #clientBytes()} decoded as ISO-8859-1.
	 * @return the text
	 */
	public String clientText() {
		return new String(clientBytes(), StandardCharsets.ISO_8859_1);
	}

	/**
	 * Forget the commands and bytes recorded so far.
	 */
	public void clearRecording() {
		this.commands.clear();
		synchronized (this.clientBytes) {
			this.clientBytes.reset();
		}
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// The acceptor stops either way.
		}
		this.sessions.forEach(FaultSession::close);
		try {
			this.acceptor.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	List<Fault> faultsFor(int connection) {
		List<Fault> connectionFaults = new ArrayList<>(this.everyConnection);
		connectionFaults.addAll(this.faults.getOrDefault(connection, List.of()));
		return connectionFaults;
	}

	void record(ProxiedCommand command) {
		this.commands.add(command);
	}

	void recordClientBytes(byte[] bytes) {
		synchronized (this.clientBytes) {
			this.clientBytes.writeBytes(bytes);
		}
	}

	void ended(FaultSession session) {
		this.sessions.remove(session);
	}

	private void acceptConnections() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket client = this.serverSocket.accept();
				int index = this.connectionCount.getAndIncrement();
				FaultSession session = new FaultSession(this, index, client, this.target, this.tls);
				this.sessions.add(session);
				if (this.serverSocket.isClosed()) {
					session.close();
					return;
				}
				daemon(session, "fault-proxy-connection-" + index).start();
			}
			catch (IOException ex) {
				// Thrown once close() has closed the server socket.
			}
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * How the proxy handles TLS: not at all, or terminated on both sides.
	 *
	 * @param style when TLS starts
	 * @param clientFacing the server context that presents the proxy's certificate
	 * @param serverFacing the client context that trusts the real server
	 */
	record TlsTermination(Style style, @Nullable SSLContext clientFacing, @Nullable SSLContext serverFacing) {

		enum Style {

			NONE, STARTTLS, IMPLICIT

		}

	}

	/**
	 * Builder for a {@link FaultProxy}.
	 */
	public static final class Builder {

		private final String host;

		private final int port;

		private TlsTermination tls = new TlsTermination(TlsTermination.Style.NONE, null, null);

		private Builder(String host, int port) {
			this.host = host;
			this.port = port;
		}

		/**
		 * Terminate TLS when the client issues {@code STARTTLS} and the server accepts
		 * it.
		 * @param identity the certificate to present to clients
		 * @param serverTrust a client context that trusts the real server
		 * @return this builder
		 */
		public Builder terminateStartTls(ServerIdentity identity, SSLContext serverTrust) {
			this.tls = new TlsTermination(TlsTermination.Style.STARTTLS, identity.serverSslContext(), serverTrust);
			return this;
		}

		/**
		 * Terminate TLS from the first byte (SMTPS, as on port 465).
		 * @param identity the certificate to present to clients
		 * @param serverTrust a client context that trusts the real server
		 * @return this builder
		 */
		public Builder terminateImplicitTls(ServerIdentity identity, SSLContext serverTrust) {
			this.tls = new TlsTermination(TlsTermination.Style.IMPLICIT, identity.serverSslContext(), serverTrust);
			return this;
		}

		/**
		 * Start the proxy on an ephemeral port of {@code 127.0.0.1}.
		 * @return the started proxy
		 */
		public FaultProxy start() {
			return new FaultProxy(this);
		}

	}

}
