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

import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.benchmarks.BenchmarkServer.Listener;
import io.github.mailtls.it.RawSmtpClient;
import io.github.mailtls.it.RawSmtpClient.Reply;

/**
 * A reference for what the server and the round trips alone cost a client that sends one
 * message at a time over one connection: hand-written SMTP over TLS that writes each
 * message in the same two flights as a pooled mail-tls sender ({@code MAIL FROM},
 * {@code RCPT TO} and {@code DATA} pipelined; then the content) and does nothing else: no
 * JavaMail, no MIME objects, no pool, no records. The distance of a sender from it is the
 * sender's own cost, within the noise of the machine. Each run gets a new connection,
 * opened before the run is timed. Not a sender anyone should use: it checks the
 * certificate and host name, but handles no failure beyond stopping.
 * {@link RawSmtpClient}, the Postfix suite's own small client, speaks the protocol.
 */
final class WireFloor implements AutoCloseable {

	private static final String HOST = "localhost";

	private final BenchmarkServer server;

	private final Listener listener;

	private final SSLContext tls;

	private @Nullable RawSmtpClient client;

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
		int port = this.server.port(this.listener);
		RawSmtpClient connected;
		if (this.listener == Listener.STARTTLS) {
			connected = RawSmtpClient.connect(HOST, port);
			connected.ehlo();
			connected.startTls(this.tls);
		}
		else {
			connected = RawSmtpClient.connectImplicitTls(this.tls, HOST, port);
		}
		this.client = connected;
		connected.ehlo();
		connected.authPlain(BenchmarkServer.USERNAME, BenchmarkServer.PASSWORD).expect(235);
	}

	/**
	 * Send one small text message, with the headers JavaMail would write for it, in two
	 * flights: MAIL FROM, RCPT TO and DATA pipelined, then the content.
	 * @param recipient the recipient
	 * @param number the message's number
	 * @throws IOException if the server refuses it
	 */
	void send(String recipient, int number) throws IOException {
		RawSmtpClient connected = this.client;
		if (connected == null) {
			throw new IllegalStateException("Not connected");
		}
		List<Reply> replies = connected.pipeline("MAIL FROM:<" + BenchmarkMessages.FROM + ">",
				"RCPT TO:<" + recipient + ">", "DATA");
		replies.get(0).expect(250);
		replies.get(1).expect(250);
		replies.get(2).expect(354);
		connected
			.command("Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\nFrom: "
					+ BenchmarkMessages.FROM + "\r\nTo: " + recipient + "\r\nMessage-ID: <" + UUID.randomUUID()
					+ "@wire-floor>\r\nSubject: " + BenchmarkMessages.subject(number)
					+ "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
					+ "Content-Transfer-Encoding: 7bit\r\n\r\n" + BenchmarkMessages.text(number) + "\r\n.")
			.expect(250);
	}

	@Override
	public void close() throws IOException {
		RawSmtpClient current = this.client;
		this.client = null;
		if (current != null) {
			current.close();
		}
	}

}
