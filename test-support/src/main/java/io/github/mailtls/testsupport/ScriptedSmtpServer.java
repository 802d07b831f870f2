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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A plaintext SMTP server on loopback that answers each command line with whatever its
 * script says, for behaviours no real server shows: accepting STARTTLS and then speaking
 * plaintext, or answering with a chosen code. Records every line it receives.
 *
 * @since 0.1.0
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	/**
	 * A reply that resets the connection (TCP RST) instead of answering.
	 */
	public static final String RESET = "\u0000reset";

	/**
	 * A reply that closes the connection instead of answering.
	 */
	public static final String CLOSE = "\u0000close";

	private static final String THEN_CLOSE = "\u0000then-close";

	private final ServerSocket serverSocket;

	private final Function<String, @Nullable String> script;

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ScriptedSmtpServer(Function<String, @Nullable String> script) throws IOException {
		this.script = script;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "scripted-smtp-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Start a server that greets with {@code 220} and answers each line with the script's
	 * reply: the raw text to write (CRLF added), or {@code null} to close the connection.
	 * @param script maps a received line to the reply
	 * @return the started server
	 */
	public static ScriptedSmtpServer start(Function<String, @Nullable String> script) {
		try {
			return new ScriptedSmtpServer(script);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the scripted SMTP server", ex);
		}
	}

	/**
	 * Return a reply that is written and then followed by closing the connection, as a
	 * server does after {@code 421}.
	 * @param reply the reply text
	 * @return the reply for a script
	 */
	public static String replyThenClose(String reply) {
		return reply + THEN_CLOSE;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * Return every line received, in order.
	 * @return the lines
	 */
	public List<String> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * Return the verb of a command line in upper case.
	 * @param line the line
	 * @return the verb
	 */
	public static String verb(String line) {
		int space = line.indexOf(' ');
		return ((space < 0) ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				Thread session = new Thread(() -> serve(socket), "scripted-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream output = socket.getOutputStream();
			write(output, "220 scripted.example.org ESMTP");
			String line;
			while ((line = reader.readLine()) != null) {
				this.commands.add(line);
				String reply = this.script.apply(line);
				if (reply == null || CLOSE.equals(reply)) {
					return;
				}
				if (RESET.equals(reply)) {
					socket.setSoLinger(true, 0);
					return;
				}
				if (reply.endsWith(THEN_CLOSE)) {
					write(output, reply.substring(0, reply.length() - THEN_CLOSE.length()));
					return;
				}
				if (!reply.isEmpty()) {
					write(output, reply);
				}
			}
		}
		catch (IOException ex) {
			// The client went away.
		}
	}

	private static void write(OutputStream output, String text) throws IOException {
		output.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		output.flush();
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
			for (Socket socket : this.sockets) {
				socket.close();
			}
		}
		catch (IOException ex) {
			// Closing is best effort.
		}
	}

}
