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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A line-by-line SMTP client over a raw socket, for asserting on exact replies.
 */
final class SmtpClient implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 5000;

	private Socket socket;

	private BufferedReader reader;

	private OutputStream out;

	private SmtpClient(Socket socket) throws IOException {
		this.socket = socket;
		this.socket.setSoTimeout(TIMEOUT_MILLIS);
		this.reader = reader(socket);
		this.out = socket.getOutputStream();
	}

	static SmtpClient connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
		return new SmtpClient(socket);
	}

	static SmtpClient connectTls(int port, SSLContext sslContext, String... protocols) throws IOException {
		SSLSocket socket = (SSLSocket) sslContext.getSocketFactory().createSocket("localhost", port);
		socket.setSoTimeout(TIMEOUT_MILLIS);
		configure(socket, protocols);
		socket.startHandshake();
		return new SmtpClient(socket);
	}

	/**
	 * Read one complete reply, multi-line replies joined with {@code \n}.
	 */
	String reply() throws IOException {
		List<String> lines = new ArrayList<>();
		String line;
		do {
			line = this.reader.readLine();
			if (line == null) {
				throw new IOException("Connection closed after " + lines);
			}
			lines.add(line);
		}
		while (line.length() > 3 && line.charAt(3) == '-');
		return String.join("\n", lines);
	}

	String send(String commandLine) throws IOException {
		this.out.write((commandLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		this.out.flush();
		return reply();
	}

	void startTls(SSLContext sslContext, String... protocols) throws IOException {
		SSLSocket tlsSocket = (SSLSocket) sslContext.getSocketFactory()
			.createSocket(this.socket, "localhost", this.socket.getPort(), true);
		configure(tlsSocket, protocols);
		tlsSocket.startHandshake();
		this.socket = tlsSocket;
		this.reader = reader(tlsSocket);
		this.out = tlsSocket.getOutputStream();
	}

	SSLSession tlsSession() {
		return ((SSLSocket) this.socket).getSession();
	}

	void readTimeout(int millis) throws IOException {
		this.socket.setSoTimeout(millis);
	}

	void shutdownOutput() throws IOException {
		this.socket.shutdownOutput();
	}

	/**
	 * Read until the server closes; {@code null} on end of stream.
	 */
	String readLine() throws IOException {
		return this.reader.readLine();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private static void configure(SSLSocket socket, String... protocols) {
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (protocols.length > 0) {
			parameters.setProtocols(protocols);
		}
		socket.setSSLParameters(parameters);
	}

	private static BufferedReader reader(Socket socket) throws IOException {
		return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
	}

}
