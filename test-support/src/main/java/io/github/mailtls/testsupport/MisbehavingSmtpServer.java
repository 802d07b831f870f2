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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

/**
 * A hostile SMTP server on {@code 127.0.0.1} whose reply, at a chosen point of the
 * session, never ends or crawls: an endless multi-line reply, one endless line, or a
 * valid reply dripped one byte at a time. Before that point it behaves, so the attack can
 * come in the greeting, after STARTTLS (in the post-TLS EHLO reply) or under implicit
 * TLS. It records the command lines it reads and how many bytes it managed to write.
 *
 * @since 0.1.0
 */
public final class MisbehavingSmtpServer implements AutoCloseable {

	private static final byte[] LOOPBACK = { 127, 0, 0, 1 };

	private final Attack attack;

	private final Stage stage;

	private final @Nullable SSLContext sslContext;

	private final ServerSocket serverSocket;

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final AtomicLong bytesWritten = new AtomicLong();

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final List<Throwable> writeFailures = new CopyOnWriteArrayList<>();

	private MisbehavingSmtpServer(Attack attack, Stage stage, @Nullable SSLContext sslContext) {
		this.attack = attack;
		this.stage = stage;
		this.sslContext = sslContext;
		try {
			this.serverSocket = (stage == Stage.IMPLICIT_TLS_GREETING)
					? sslServerContext().getServerSocketFactory()
						.createServerSocket(0, 50, InetAddress.getByAddress(LOOPBACK))
					: new ServerSocket(0, 50, InetAddress.getByAddress(LOOPBACK));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1", ex);
		}
		Thread acceptor = new Thread(this::accept, "misbehaving-smtp-server-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Start a server that attacks in its plaintext greeting.
	 * @param attack the attack
	 * @return the started server
	 */
	public static MisbehavingSmtpServer inGreeting(Attack attack) {
		return new MisbehavingSmtpServer(attack, Stage.GREETING, null);
	}

	/**
	 * Start a server that greets, offers STARTTLS, completes the handshake and then
	 * attacks in its reply to the EHLO sent over TLS.
	 * @param attack the attack
	 * @param sslContext the server context, for example
	 * {@link ServerIdentity#serverSslContext()}
	 * @return the started server
	 */
	public static MisbehavingSmtpServer afterStartTls(Attack attack, SSLContext sslContext) {
		return new MisbehavingSmtpServer(attack, Stage.AFTER_STARTTLS, sslContext);
	}

	/**
	 * Start a server that speaks TLS from the first byte and attacks in its greeting.
	 * @param attack the attack
	 * @param sslContext the server context
	 * @return the started server
	 */
	public static MisbehavingSmtpServer implicitTls(Attack attack, SSLContext sslContext) {
		return new MisbehavingSmtpServer(attack, Stage.IMPLICIT_TLS_GREETING, sslContext);
	}

	/**
	 * Return the port that the server listens on at {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * Return the command lines read so far over all connections, in order, such as
	 * {@code EHLO client} and {@code STARTTLS}, plaintext and TLS alike.
	 * @return the command lines
	 */
	public List<String> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * Return the number of attack bytes that were written to clients (accepted by the
	 * operating system) so far.
	 * @return the byte count
	 */
	public long bytesWritten() {
		return this.bytesWritten.get();
	}

	/**
	 * Return the failures of attack writes so far: one per connection the client cut off.
	 * @return the failures
	 */
	public List<Throwable> writeFailures() {
		return List.copyOf(this.writeFailures);
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// The acceptor stops either way.
		}
		this.connections.forEach(MisbehavingSmtpServer::closeQuietly);
	}

	private SSLContext sslServerContext() {
		if (this.sslContext == null) {
			throw new IllegalStateException("This attack needs a server SSL context");
		}
		return this.sslContext;
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket client = this.serverSocket.accept();
				this.connections.add(client);
				Thread session = new Thread(() -> serve(client), "misbehaving-smtp-session-" + client.getPort());
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				// Thrown once close() has closed the server socket.
			}
		}
	}

	private void serve(Socket client) {
		try (Socket socket = client) {
			if (this.stage != Stage.AFTER_STARTTLS) {
				attack(socket.getOutputStream());
				return;
			}
			BufferedReader reader = reader(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			write(out, "220 localhost ESMTP\r\n");
			expect(reader, "EHLO");
			write(out, "250-localhost\r\n250 STARTTLS\r\n");
			expect(reader, "STARTTLS");
			write(out, "220 Ready to start TLS\r\n");
			SSLSocket tls = (SSLSocket) sslServerContext().getSocketFactory()
				.createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
			tls.setUseClientMode(false);
			tls.startHandshake();
			BufferedReader tlsReader = reader(tls.getInputStream());
			expect(tlsReader, "EHLO");
			attack(tls.getOutputStream());
			// Record anything the client sends after the attack, until it closes.
			String line;
			while ((line = tlsReader.readLine()) != null) {
				this.commands.add(line);
			}
		}
		catch (IOException ex) {
			// The client cut the connection, as it should.
		}
		finally {
			this.connections.remove(client);
		}
	}

	private void expect(BufferedReader reader, String verb) throws IOException {
		String line = reader.readLine();
		if (line == null) {
			throw new IOException("Client closed before " + verb);
		}
		this.commands.add(line);
		if (!line.regionMatches(true, 0, verb, 0, verb.length())) {
			throw new IOException("Expected " + verb + " but got a different command");
		}
	}

	private void attack(OutputStream out) {
		try {
			this.attack.run(out, this.bytesWritten);
		}
		catch (IOException ex) {
			this.writeFailures.add(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static BufferedReader reader(InputStream in) {
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to do.
		}
	}

	private enum Stage {

		GREETING, AFTER_STARTTLS, IMPLICIT_TLS_GREETING

	}

	/**
	 * What the server sends instead of a proper reply.
	 */
	public interface Attack {

		/**
		 * Send the attack until the client cuts the connection.
		 * @param out the stream to the client
		 * @param written the count of bytes written, to update
		 * @throws IOException when the client cut the connection
		 * @throws InterruptedException if interrupted while waiting
		 */
		void run(OutputStream out, AtomicLong written) throws IOException, InterruptedException;

		/**
		 * An endless multi-line reply: {@code 250-} lines, never a last line (the code
		 * does not matter to the client's bounds).
		 * @return the attack
		 */
		static Attack endlessLines() {
			byte[] line = "250-flood flood flood flood flood flood flood flood flood flood\r\n"
				.getBytes(StandardCharsets.US_ASCII);
			return repeat("", line);
		}

		/**
		 * One reply line that never ends.
		 * @return the attack
		 */
		static Attack endlessLine() {
			byte[] chunk = new byte[8192];
			Arrays.fill(chunk, (byte) 'x');
			return repeat("250 ", chunk);
		}

		/**
		 * A valid two-line {@code 220} reply sent one byte per interval, then silence.
		 * @param interval the time between two bytes
		 * @return the attack
		 */
		static Attack drip(Duration interval) {
			byte[] reply = "220-localhost dripping\r\n220 localhost ESMTP\r\n".getBytes(StandardCharsets.US_ASCII);
			return (out, written) -> {
				for (byte b : reply) {
					out.write(b);
					out.flush();
					written.incrementAndGet();
					Thread.sleep(interval.toMillis());
				}
				// A complete reply was sent; hold the connection as a slow server would.
				Thread.sleep(Long.MAX_VALUE);
			};
		}

		private static Attack repeat(String prefix, byte[] chunk) {
			return (out, written) -> {
				out.write(prefix.getBytes(StandardCharsets.US_ASCII));
				while (true) {
					out.write(chunk);
					written.addAndGet(chunk.length);
				}
			};
		}

	}

}
