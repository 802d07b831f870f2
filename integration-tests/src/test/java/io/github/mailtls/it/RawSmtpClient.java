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
package io.github.mailtls.it;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A deliberately small SMTP client on plain JSSE sockets, independent of Jakarta Mail and
 * of the starter, for checking what the Postfix container itself does, and the
 * benchmark's reference for what the protocol alone costs. Host names are verified the
 * way HTTPS does (RFC 2818/6125); {@code TCP_NODELAY} is on, as in every Jakarta Mail
 * sender measured against it.
 */
public final class RawSmtpClient implements Closeable {

	private static final int TIMEOUT_MILLIS = 10_000;

	private final String host;

	private final int port;

	private Socket socket;

	private BufferedReader reader;

	private OutputStream output;

	private final Reply greeting;

	private RawSmtpClient(Socket socket, String host, int port) throws IOException {
		this.host = host;
		this.port = port;
		use(socket);
		this.greeting = read();
	}

	/**
	 * Connect without TLS (for STARTTLS or plaintext ports) and read the greeting.
	 * @param host the host
	 * @param port the port
	 * @return the client
	 * @throws IOException on connection failure
	 */
	public static RawSmtpClient connect(String host, int port) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
			return new RawSmtpClient(socket, host, port);
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Connect with implicit TLS, complete the handshake and read the greeting.
	 * @param sslContext the client context (trust material)
	 * @param host the host, also checked against the certificate
	 * @param port the port
	 * @param protocols the protocols to enable, or none for the context's defaults
	 * @return the client
	 * @throws IOException on connection or handshake failure
	 */
	public static RawSmtpClient connectImplicitTls(SSLContext sslContext, String host, int port, String... protocols)
			throws IOException {
		Socket plain = new Socket();
		try {
			plain.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
			plain.setSoTimeout(TIMEOUT_MILLIS);
			return new RawSmtpClient(handshake(sslContext, plain, host, port, protocols), host, port);
		}
		catch (IOException ex) {
			plain.close();
			throw ex;
		}
	}

	public Reply greeting() {
		return this.greeting;
	}

	/**
	 * Send a command and read the reply.
	 * @param command the command without line ending
	 * @return the reply
	 * @throws IOException on I/O failure
	 */
	public Reply command(String command) throws IOException {
		this.output.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
		this.output.flush();
		return read();
	}

	/**
	 * Send several commands in one write, as RFC 2920 pipelining allows, and read their
	 * replies in order.
	 * @param commands the commands without line endings
	 * @return one reply per command
	 * @throws IOException on I/O failure
	 */
	public List<Reply> pipeline(String... commands) throws IOException {
		StringBuilder flight = new StringBuilder();
		for (String command : commands) {
			flight.append(command).append("\r\n");
		}
		this.output.write(flight.toString().getBytes(StandardCharsets.US_ASCII));
		this.output.flush();
		List<Reply> replies = new ArrayList<>(commands.length);
		for (int i = 0; i < commands.length; i++) {
			replies.add(read());
		}
		return replies;
	}

	/**
	 * Send EHLO and return the reply.
	 * @return the reply (first line is the server name, then one extension a line)
	 * @throws IOException on I/O failure
	 */
	public Reply ehlo() throws IOException {
		return command("EHLO client.mailtls.test").expect(250);
	}

	/**
	 * Send STARTTLS, expect 220, and complete the handshake on the same connection.
	 * @param sslContext the client context (trust material)
	 * @param protocols the protocols to enable, or none for the context's defaults
	 * @throws IOException on failure
	 */
	public void startTls(SSLContext sslContext, String... protocols) throws IOException {
		command("STARTTLS").expect(220);
		use(handshake(sslContext, this.socket, this.host, this.port, protocols));
	}

	/**
	 * Authenticate with {@code AUTH PLAIN} and return the reply (not checked).
	 * @param username the user name
	 * @param password the password
	 * @return the reply
	 * @throws IOException on I/O failure
	 */
	public Reply authPlain(String username, String password) throws IOException {
		String token = Base64.getEncoder()
			.encodeToString(("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8));
		return command("AUTH PLAIN " + token);
	}

	/**
	 * Send one message (MAIL FROM, RCPT TO, DATA) and expect it to be queued.
	 * @param from the envelope sender
	 * @param to the envelope recipient
	 * @param subject the subject
	 * @param body the body text
	 * @throws IOException on I/O failure or an unexpected reply
	 */
	public void send(String from, String to, String subject, String body) throws IOException {
		command("MAIL FROM:<" + from + ">").expect(250);
		command("RCPT TO:<" + to + ">").expect(250);
		command("DATA").expect(354);
		String message = "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: " + subject + "\r\n\r\n" + body
				+ "\r\n.";
		command(message).expect(250);
	}

	/**
	 * Return the TLS session, if the connection uses TLS.
	 * @return the session or {@code null}
	 */
	public SSLSession tlsSession() {
		return (this.socket instanceof SSLSocket sslSocket) ? sslSocket.getSession() : null;
	}

	@Override
	public void close() throws IOException {
		try {
			if (!this.socket.isClosed()) {
				command("QUIT");
			}
		}
		catch (IOException ex) {
			// The server may already have closed the connection.
		}
		finally {
			this.socket.close();
		}
	}

	private void use(Socket socket) throws IOException {
		socket.setSoTimeout(TIMEOUT_MILLIS);
		socket.setTcpNoDelay(true);
		this.socket = socket;
		this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
		this.output = socket.getOutputStream();
	}

	private Reply read() throws IOException {
		List<String> lines = new ArrayList<>();
		while (true) {
			String line = this.reader.readLine();
			if (line == null) {
				throw new IOException("Connection closed by the server after " + lines);
			}
			if (line.length() < 3) {
				throw new IOException("Malformed SMTP reply line '" + line + "'");
			}
			lines.add(line.length() > 4 ? line.substring(4) : "");
			if (line.length() == 3 || line.charAt(3) == ' ') {
				return new Reply(Integer.parseInt(line.substring(0, 3)), List.copyOf(lines));
			}
		}
	}

	private static SSLSocket handshake(SSLContext sslContext, Socket plain, String host, int port, String... protocols)
			throws IOException {
		SSLSocket sslSocket = (SSLSocket) sslContext.getSocketFactory().createSocket(plain, host, port, true);
		SSLParameters parameters = sslSocket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (protocols.length > 0) {
			parameters.setProtocols(protocols);
		}
		sslSocket.setSSLParameters(parameters);
		sslSocket.startHandshake();
		return sslSocket;
	}

	/**
	 * An SMTP reply.
	 *
	 * @param code the reply code
	 * @param lines the text of each line, without code and separator
	 */
	public record Reply(int code, List<String> lines) {

		/**
		 * Return this reply if it has the expected code.
		 * @param expectedCode the code
		 * @return this reply
		 * @throws IOException if the code is another
		 */
		public Reply expect(int expectedCode) throws IOException {
			if (this.code != expectedCode) {
				throw new IOException("Expected SMTP " + expectedCode + " but got " + this);
			}
			return this;
		}

		/**
		 * Whether an EHLO reply advertises the extension (first word of a line).
		 * @param keyword for example {@code STARTTLS} or {@code AUTH}
		 * @return whether it is advertised
		 */
		public boolean advertises(String keyword) {
			return this.lines.stream().skip(1).anyMatch((line) -> line.split(" ")[0].equalsIgnoreCase(keyword));
		}

		@Override
		public String toString() {
			return this.code + " " + String.join(" | ", this.lines);
		}

	}

}
