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
package io.github.mailtls.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.benchmarks.BenchmarkServer.Listener;

/**
 * A reference for what the server and the round trips alone cost a client that sends one
 * message at a time over one connection: hand-written SMTP over TLS that writes each
 * message in the same two flights as a pooled mail-tls sender ({@code MAIL FROM},
 * {@code RCPT TO} and {@code DATA} pipelined; then the content) and does nothing else: no
 * JavaMail, no MIME objects, no pool, no records. The distance of a sender from it is the
 * sender's own cost, within the noise of the machine. Each run gets a new connection,
 * opened before the run is timed. Not a sender anyone should use: it checks the
 * certificate and host name, but handles no failure beyond stopping.
 */
final class WireFloor implements AutoCloseable {

	private static final String HOST = "localhost";

	private final BenchmarkServer server;

	private final Listener listener;

	private final SSLContext tls;

	private @Nullable Connection connection;

	/**
	 * Create the client; it connects in {@link #reconnect()}.
	 * @param server the server
	 * @param listener the implicit TLS or the STARTTLS listener
	 * @param tls trusts the server's certificate authority
	 */
	WireFloor(BenchmarkServer server, Listener listener, SSLContext tls) {
		this.server = server;
		this.listener = listener;
		this.tls = tls;
	}

	/**
	 * Close the current connection, if any, and open a new one: connect, secure it as the
	 * listener requires and authenticate.
	 * @throws IOException if the server does not go along
	 */
	void reconnect() throws IOException {
		close();
		this.connection = Connection.open(this.server.port(this.listener), this.listener == Listener.STARTTLS,
				this.tls);
	}

	/**
	 * Send one small text message, with the headers JavaMail would write for it.
	 * @param recipient the recipient
	 * @param number the message's number
	 * @throws IOException if the server refuses it
	 */
	void send(String recipient, int number) throws IOException {
		Connection current = this.connection;
		if (current == null) {
			throw new IllegalStateException("Not connected");
		}
		current.send(recipient, number);
	}

	@Override
	public void close() throws IOException {
		Connection current = this.connection;
		this.connection = null;
		if (current != null) {
			current.close();
		}
	}

	private static final class Connection implements AutoCloseable {

		private final Socket socket;

		private final BufferedReader in;

		private final OutputStream out;

		private Connection(SSLSocket socket) throws IOException {
			this.socket = socket;
			this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			this.out = socket.getOutputStream();
		}

		static Connection open(int port, boolean startTls, SSLContext tls) throws IOException {
			Socket plain = new Socket(HOST, port);
			plain.setTcpNoDelay(true);
			if (startTls) {
				BufferedReader in = new BufferedReader(
						new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
				expect(in, 220);
				write(plain.getOutputStream(), "EHLO wire-floor\r\n");
				expect(in, 250);
				write(plain.getOutputStream(), "STARTTLS\r\n");
				expect(in, 220);
			}
			SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, HOST, port, true);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			socket.setSSLParameters(parameters);
			socket.startHandshake();
			Connection connection = new Connection(socket);
			if (!startTls) {
				connection.expect(220);
			}
			connection.write("EHLO wire-floor\r\n");
			connection.expect(250);
			String credentials = "\0" + BenchmarkServer.USERNAME + "\0" + BenchmarkServer.PASSWORD;
			connection.write("AUTH PLAIN "
					+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n");
			connection.expect(235);
			return connection;
		}

		void send(String recipient, int number) throws IOException {
			write("MAIL FROM:<" + BenchmarkMessages.FROM + ">\r\nRCPT TO:<" + recipient + ">\r\nDATA\r\n");
			expect(250);
			expect(250);
			expect(354);
			write("Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\nFrom: "
					+ BenchmarkMessages.FROM + "\r\nTo: " + recipient + "\r\nMessage-ID: <" + UUID.randomUUID()
					+ "@wire-floor>\r\nSubject: " + BenchmarkMessages.subject(number)
					+ "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
					+ "Content-Transfer-Encoding: 7bit\r\n\r\n" + BenchmarkMessages.text(number) + "\r\n.\r\n");
			expect(250);
		}

		private void write(String text) throws IOException {
			write(this.out, text);
		}

		private void expect(int code) throws IOException {
			expect(this.in, code);
		}

		private static void write(OutputStream out, String text) throws IOException {
			out.write(text.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		// Reads one reply, every line of it, and fails unless it has the expected code.
		private static void expect(BufferedReader in, int code) throws IOException {
			String line;
			do {
				line = in.readLine();
				if (line == null || line.length() < 4) {
					throw new IOException("The server ended the session or answered '" + line + "'");
				}
			}
			while (line.charAt(3) == '-');
			if (!line.startsWith(Integer.toString(code))) {
				throw new IOException("Expected " + code + ", the server answered '" + line + "'");
			}
		}

		@Override
		public void close() throws IOException {
			try {
				write("QUIT\r\n");
			}
			finally {
				this.socket.close();
			}
		}

	}

}
