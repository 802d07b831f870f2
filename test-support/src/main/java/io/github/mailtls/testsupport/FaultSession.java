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

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.testsupport.FaultProxy.TlsTermination;

/**
 * One client connection of a {@link FaultProxy}, relayed in lockstep: a client line, then
 * (for a command) the server's whole reply. Lockstep keeps command boundaries exact and
 * still works for a pipelining client, whose commands simply wait in the socket buffer.
 */
final class FaultSession implements Runnable {

	private static final int CONNECT_TIMEOUT_MILLIS = 5000;

	private final FaultProxy proxy;

	private final int index;

	private final Socket rawClient;

	private final Socket rawServer = new Socket();

	private final InetSocketAddress target;

	private final TlsTermination tls;

	private final Map<String, Integer> occurrences = new HashMap<>();

	private Socket client;

	private Socket server;

	private InputStream clientIn = InputStream.nullInputStream();

	private OutputStream clientOut = OutputStream.nullOutputStream();

	private InputStream serverIn = InputStream.nullInputStream();

	private OutputStream serverOut = OutputStream.nullOutputStream();

	private long clientCount;

	private long serverCount;

	private boolean overTls;

	private volatile boolean stallRequested;

	FaultSession(FaultProxy proxy, int index, Socket client, InetSocketAddress target, TlsTermination tls) {
		this.proxy = proxy;
		this.index = index;
		this.rawClient = client;
		this.client = client;
		this.server = this.rawServer;
		this.target = target;
		this.tls = tls;
	}

	void stallAtNextLine() {
		this.stallRequested = true;
	}

	@Override
	public void run() {
		try {
			this.rawServer.connect(this.target, CONNECT_TIMEOUT_MILLIS);
			this.rawServer.setTcpNoDelay(true);
			this.rawClient.setTcpNoDelay(true);
			if (this.tls.style() == TlsTermination.Style.IMPLICIT) {
				startTls();
			}
			else {
				openStreams();
			}
			relayReply();
			relayCommands();
		}
		catch (IOException | Ended ex) {
			// A side closed or reset the connection, or a fault ended it.
		}
		finally {
			close();
			this.proxy.ended(this);
		}
	}

	private void relayCommands() throws IOException, Ended {
		boolean inData = false;
		boolean saslContinuation = false;
		byte[] line;
		while ((line = readLine(this.clientIn)) != null) {
			this.proxy.recordClientBytes(line);
			if (this.stallRequested) {
				stall();
			}
			if (inData) {
				inData = !isEndOfData(line);
				if (inData) {
					forwardToServer(line);
				}
				else {
					command(Fault.END_OF_DATA, line);
				}
				continue;
			}
			if (saslContinuation) {
				forwardToServer(line);
				saslContinuation = relayReply().startsWith("334");
				continue;
			}
			String verb = verbOf(line);
			String reply = command(verb, line);
			if (reply == null) {
				continue;
			}
			if (verb.equals("STARTTLS") && reply.startsWith("220")
					&& this.tls.style() == TlsTermination.Style.STARTTLS) {
				startTls();
			}
			inData = verb.equals("DATA") && reply.startsWith("354");
			saslContinuation = verb.equals("AUTH") && reply.startsWith("334");
		}
	}

	// Returns the server's reply, or null when a fault kept it from the client.
	private @Nullable String command(String verb, byte[] line) throws IOException, Ended {
		String text = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
		this.proxy.record(new ProxiedCommand(this.index, verb, text, this.overTls, this.clientIn.available() > 0));
		int occurrence = this.occurrences.merge(verb, 1, Integer::sum);
		Fault fault = this.proxy.faultsFor(this.index)
			.stream()
			.filter((candidate) -> candidate.matchesCommand(verb, occurrence))
			.findFirst()
			.orElse(null);
		if (fault == null) {
			forwardToServer(line);
			return relayReply();
		}
		switch (fault.action()) {
			case RESET -> reset();
			case STALL -> stall();
			case ANSWER -> {
				writeToClient((fault.reply() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				return null;
			}
			case DROP_REPLY -> {
				forwardToServer(line);
				readReply();
				return null;
			}
			case RESET_AFTER_FORWARDING -> {
				forwardToServer(line);
				readReply();
				reset();
			}
			case DELAY -> {
				pause(fault.delay());
				forwardToServer(line);
				return relayReply();
			}
		}
		throw new IllegalStateException("Unknown fault " + fault);
	}

	private void forwardToServer(byte[] line) throws IOException, Ended {
		Fault fault = crossedCount(this.clientCount, line.length, false);
		if (fault != null) {
			int kept = (int) (fault.byteCount() - this.clientCount);
			this.serverOut.write(line, 0, kept);
			this.serverOut.flush();
			this.clientCount += kept;
			endWith(fault);
		}
		this.serverOut.write(line);
		this.serverOut.flush();
		this.clientCount += line.length;
	}

	private String relayReply() throws IOException, Ended {
		List<byte[]> lines = readReply();
		StringBuilder reply = new StringBuilder();
		for (byte[] line : lines) {
			writeToClient(line);
			reply.append(new String(line, StandardCharsets.ISO_8859_1));
		}
		return reply.toString();
	}

	private List<byte[]> readReply() throws IOException, Ended {
		List<byte[]> lines = new ArrayList<>();
		byte[] line;
		do {
			line = readLine(this.serverIn);
			if (line == null) {
				// The server closed: pass that on as an orderly close.
				throw new Ended();
			}
			lines.add(line);
		}
		while (line.length > 3 && line[3] == '-');
		return lines;
	}

	private void writeToClient(byte[] bytes) throws IOException, Ended {
		Fault fault = crossedCount(this.serverCount, bytes.length, true);
		if (fault != null) {
			int kept = (int) (fault.byteCount() - this.serverCount);
			this.clientOut.write(bytes, 0, kept);
			this.clientOut.flush();
			this.serverCount += kept;
			endWith(fault);
		}
		this.clientOut.write(bytes);
		this.clientOut.flush();
		this.serverCount += bytes.length;
	}

	private @Nullable Fault crossedCount(long sent, int length, boolean serverBytes) {
		for (Fault fault : this.proxy.faultsFor(this.index)) {
			boolean matches = serverBytes ? fault.isServerByteCount() : fault.isClientByteCount();
			if (matches && fault.byteCount() >= sent && fault.byteCount() < sent + length) {
				return fault;
			}
		}
		return null;
	}

	private void endWith(Fault fault) throws IOException, Ended {
		if (fault.action() == Fault.Action.STALL) {
			stall();
		}
		reset();
	}

	private void startTls() throws IOException {
		SSLContext serverFacing = Objects.requireNonNull(this.tls.serverFacing());
		SSLSocket tlsServer = (SSLSocket) serverFacing.getSocketFactory()
			.createSocket(this.rawServer, this.target.getHostString(), this.target.getPort(), true);
		tlsServer.setUseClientMode(true);
		tlsServer.startHandshake();
		SSLContext clientFacing = Objects.requireNonNull(this.tls.clientFacing());
		SSLSocket tlsClient = (SSLSocket) clientFacing.getSocketFactory()
			.createSocket(this.rawClient, this.rawClient.getInetAddress().getHostAddress(), this.rawClient.getPort(),
					true);
		tlsClient.setUseClientMode(false);
		tlsClient.startHandshake();
		this.server = tlsServer;
		this.client = tlsClient;
		this.overTls = true;
		openStreams();
	}

	private void openStreams() throws IOException {
		// Neither side sends past STARTTLS before the handshake, so nothing buffered is
		// lost when the streams are replaced.
		this.clientIn = new BufferedInputStream(this.client.getInputStream());
		this.clientOut = this.client.getOutputStream();
		this.serverIn = new BufferedInputStream(this.server.getInputStream());
		this.serverOut = this.server.getOutputStream();
	}

	private static void pause(Duration delay) throws IOException {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while delaying a command");
		}
	}

	private void stall() throws IOException, Ended {
		// Swallow whatever the client still sends, so that its close is noticed; the
		// server side stays open and silent.
		byte[] buffer = new byte[8192];
		while (this.clientIn.read(buffer) != -1) {
			// discarded
		}
		throw new Ended();
	}

	private void reset() throws IOException, Ended {
		this.rawClient.setSoLinger(true, 0);
		this.rawServer.setSoLinger(true, 0);
		close();
		throw new Ended();
	}

	void close() {
		closeQuietly(this.rawClient);
		closeQuietly(this.rawServer);
	}

	private static boolean isEndOfData(byte[] line) {
		return (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n')
				|| (line.length == 2 && line[0] == '.' && line[1] == '\n');
	}

	private static String verbOf(byte[] line) {
		String text = new String(line, StandardCharsets.ISO_8859_1).strip();
		int space = text.indexOf(' ');
		return ((space < 0) ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
	}

	private static byte @Nullable [] readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			line.write(b);
			if (b == '\n') {
				return line.toByteArray();
			}
		}
		// An unterminated last line is not a command; the client is gone.
		return null;
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to release.
		}
	}

	/**
	 * Unwinds the relay once a fault or a close has ended the connection.
	 */
	private static final class Ended extends Exception {

		Ended() {
			super(null, null, false, false);
		}

	}

}
