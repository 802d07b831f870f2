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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An in-process SubEthaSMTP server on {@code 127.0.0.1} that records the messages and
 * command lines it receives, with a choice of TLS behaviours.
 *
 * @since 0.1.0
 */
public final class SmtpTestServer implements AutoCloseable {

	private final SMTPServer server;

	private final ConnectionCounter connections = new ConnectionCounter();

	private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final @Nullable XOAuth2AuthenticationHandlerFactory xoauth2;

	private SmtpTestServer(Builder builder) {
		SMTPServer.Builder server = SMTPServer.port(0)
			.bindAddress(loopback())
			.hostName("localhost")
			.insertReceivedHeaders(false)
			.connectionTimeout(30, TimeUnit.SECONDS)
			.executorService(daemonExecutor())
			.sessionHandler(this.connections)
			.messageHandlerFactory(new RecordingMessageHandlerFactory(this.messages::add, builder.rejectedAddresses));
		builder.mode.configure(server, builder);
		if (builder.user != null) {
			String user = builder.user;
			String password = Objects.requireNonNull(builder.password);
			server.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((name, secret, context) -> {
				if (!user.equals(name) || !password.equals(secret)) {
					throw new LoginFailedException();
				}
			})).requireAuth();
		}
		this.xoauth2 = (builder.bearerTokenVerifier != null)
				? new XOAuth2AuthenticationHandlerFactory(builder.bearerTokenVerifier) : null;
		if (this.xoauth2 != null) {
			server.authenticationHandlerFactory(this.xoauth2).requireAuth();
		}
		this.server = server.build();
		customizeCommands(this.server.getCommandHandler(), builder);
	}

	/**
	 * Return a builder for a plaintext server; its methods choose TLS and authentication.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the port that the server listens on at {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.server.getPortAllocated();
	}

	/**
	 * Return the messages received so far, in order of arrival.
	 * @return the messages
	 */
	public List<ReceivedMessage> messages() {
		return List.copyOf(this.messages);
	}

	/**
	 * Return every command line received so far over all sessions, in order, such as
	 * {@code EHLO client} or {@code MAIL FROM:<a@example.com> REQUIRETLS}. Lines with an
	 * unknown verb, message content and SASL continuation lines are not included.
	 * @return the command lines
	 */
	public List<String> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * Return every bearer token presented with {@code AUTH XOAUTH2} so far, accepted or
	 * not, in order.
	 * @return the tokens
	 * @throws IllegalStateException if the server was not built with
	 * {@link Builder#xoauth2(BearerTokenVerifier)}
	 */
	public List<String> presentedBearerTokens() {
		if (this.xoauth2 == null) {
			throw new IllegalStateException("This server does not offer XOAUTH2");
		}
		return this.xoauth2.presentedTokens();
	}

	/**
	 * Return the number of connections accepted so far.
	 * @return the connection count
	 */
	public int connectionCount() {
		return this.connections.count();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private SmtpTestServer start() {
		this.server.start();
		return this;
	}

	private void customizeCommands(CommandHandler commandHandler, Builder builder) {
		AuthVisibility authVisibility = new AuthVisibility(builder.authBeforeStartTls,
				builder.bearerTokenVerifier != null);
		commandHandler.addCommand(new CapabilitiesCommand(builder.extensions, builder.plaintextOnlyExtensions,
				builder.rejectEhloAfterTls, authVisibility));
		commandHandler.addCommand(new AuthAfterStartTlsCommand(commandHandler.getCommand("AUTH"), authVisibility));
		if (builder.mode == TlsMode.REFUSED_STARTTLS) {
			commandHandler.addCommand(new RefusedStartTlsCommand());
		}
		if (builder.rejectData) {
			commandHandler.addCommand(new RejectedDataCommand());
		}
		// Wrapped last, so a line is recorded even when a TLS or AUTH check refuses it.
		for (String verb : new ArrayList<>(commandHandler.getVerbs())) {
			commandHandler.addCommand(new RecordingCommand(commandHandler.getCommand(verb), this.commands::add));
		}
	}

	private static InetAddress loopback() {
		try {
			return InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ExecutorService daemonExecutor() {
		// Session threads must not keep a test JVM alive if a test forgets to close.
		return Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "smtp-test-server-session");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Builder for a {@link SmtpTestServer}.
	 */
	public static final class Builder {

		private TlsMode mode = TlsMode.PLAINTEXT;

		private @Nullable SSLContext sslContext;

		private List<String> tlsProtocols = List.of();

		private @Nullable String user;

		private @Nullable String password;

		private boolean authBeforeStartTls;

		private @Nullable BearerTokenVerifier bearerTokenVerifier;

		private final List<String> extensions = new ArrayList<>();

		private final Set<String> rejectedAddresses = new HashSet<>();

		private final List<String> plaintextOnlyExtensions = new ArrayList<>();

		private boolean rejectEhloAfterTls;

		private boolean rejectData;

		private Builder() {
		}

		/**
		 * Reject an address: {@code 553} when it is the sender in {@code MAIL FROM},
		 * {@code 550} when it is a recipient in {@code RCPT TO}.
		 * @param address the bare address, for example {@code nobody@example.org}
		 * @return this builder
		 */
		public Builder reject(String address) {
			this.rejectedAddresses.add(address);
			return this;
		}

		/**
		 * Advertise and support {@code STARTTLS} with the given server context. Like the
		 * other TLS choices, this replaces any made before.
		 * @param sslContext the server SSL context, for example
		 * {@link ServerIdentity#serverSslContext()}
		 * @return this builder
		 */
		public Builder startTls(SSLContext sslContext) {
			return mode(TlsMode.STARTTLS, sslContext);
		}

		/**
		 * Neither advertise nor support TLS: a plaintext-only server that answers
		 * {@code STARTTLS} with {@code 454}. This is also the default.
		 * @return this builder
		 */
		public Builder hideStartTls() {
			return mode(TlsMode.PLAINTEXT, null);
		}

		/**
		 * Advertise {@code STARTTLS} but answer the command with
		 * {@code 454 4.7.0 TLS not available}.
		 * @return this builder
		 */
		public Builder refuseStartTls() {
			return mode(TlsMode.REFUSED_STARTTLS, null);
		}

		/**
		 * Speak TLS from the first byte (SMTPS, as on port 465).
		 * @param sslContext the server SSL context
		 * @return this builder
		 */
		public Builder implicitTls(SSLContext sslContext) {
			return mode(TlsMode.IMPLICIT, sslContext);
		}

		/**
		 * Enable only the given protocols on the server's TLS sockets, implicit and
		 * STARTTLS alike. Without this the JDK defaults of the context apply.
		 * @param protocols the protocols, for example {@code TLSv1.2}
		 * @return this builder
		 */
		public Builder tlsProtocols(String... protocols) {
			this.tlsProtocols = List.of(protocols);
			return this;
		}

		/**
		 * Require {@code AUTH PLAIN} or {@code AUTH LOGIN} with these credentials before
		 * mail is accepted.
		 * @param user the user name
		 * @param password the password
		 * @return this builder
		 */
		public Builder auth(String user, String password) {
			this.bearerTokenVerifier = null;
			this.user = user;
			this.password = password;
			return this;
		}

		/**
		 * Require {@code AUTH XOAUTH2} (the bearer-token mechanism of Microsoft 365 and
		 * Gmail) before mail is accepted, offered and accepted only once TLS is active,
		 * whatever {@link #authBeforeStartTls(boolean)} says. A rejected token gets the
		 * {@code 334} error challenge of RFC 7628, then {@code 535}. Replaces
		 * {@link #auth(String, String)}.
		 * @param verifier decides which tokens are valid
		 * @return this builder
		 */
		public Builder xoauth2(BearerTokenVerifier verifier) {
			this.bearerTokenVerifier = verifier;
			this.user = null;
			this.password = null;
			return this;
		}

		/**
		 * Whether {@code AUTH} is advertised and accepted before {@code STARTTLS}, when
		 * the server offers {@code STARTTLS}. Default is {@code false}: the plaintext
		 * EHLO reply hides {@code AUTH} and an {@code AUTH} command is answered with
		 * {@code 530 5.7.0 Must issue a STARTTLS command first}.
		 * @param authBeforeStartTls whether to allow authentication before TLS
		 * @return this builder
		 */
		public Builder authBeforeStartTls(boolean authBeforeStartTls) {
			this.authBeforeStartTls = authBeforeStartTls;
			return this;
		}

		/**
		 * Add a keyword to the EHLO reply, for example {@code REQUIRETLS}. Only the
		 * advertisement is added; parameters of {@code MAIL FROM} are accepted and
		 * ignored either way, and can be checked with {@link SmtpTestServer#commands()}.
		 * @param extension the EHLO keyword with any parameters
		 * @return this builder
		 */
		public Builder advertise(String extension) {
			this.extensions.add(extension);
			return this;
		}

		/**
		 * Add a keyword to the EHLO reply before TLS only, as a man in the middle could
		 * before STARTTLS.
		 * @param extension the EHLO keyword with any parameters
		 * @return this builder
		 */
		public Builder advertiseBeforeTlsOnly(String extension) {
			this.plaintextOnlyExtensions.add(extension);
			return this;
		}

		/**
		 * Answer every {@code DATA} with {@code 554 5.7.1 Transaction rejected}, before
		 * any content.
		 * @return this builder
		 */
		public Builder rejectData() {
			this.rejectData = true;
			return this;
		}

		/**
		 * Answer EHLO with an error once TLS is active.
		 * @return this builder
		 */
		public Builder rejectEhloAfterTls() {
			this.rejectEhloAfterTls = true;
			return this;
		}

		/**
		 * Start the server on an ephemeral port of {@code 127.0.0.1}.
		 * @return the started server
		 */
		public SmtpTestServer start() {
			if (this.sslContext != null && !this.tlsProtocols.isEmpty()) {
				List<String> supported = Arrays.asList(this.sslContext.getSupportedSSLParameters().getProtocols());
				if (!supported.containsAll(this.tlsProtocols)) {
					throw new IllegalArgumentException(
							"Unsupported TLS protocols " + this.tlsProtocols + ", supported are " + supported);
				}
			}
			return new SmtpTestServer(this).start();
		}

		private Builder mode(TlsMode mode, @Nullable SSLContext sslContext) {
			this.mode = mode;
			this.sslContext = sslContext;
			return this;
		}

	}

	/**
	 * The TLS behaviours that a {@link SmtpTestServer} can show.
	 */
	private enum TlsMode {

		PLAINTEXT {

			@Override
			void configure(SMTPServer.Builder server, Builder builder) {
				// SubEthaSMTP without TLS hides STARTTLS and answers it with 454.
			}

		},

		STARTTLS {

			@Override
			void configure(SMTPServer.Builder server, Builder builder) {
				server.enableTLS()
					.startTlsSocketFactory(
							TlsSockets.startTls(Objects.requireNonNull(builder.sslContext), builder.tlsProtocols));
			}

		},

		REFUSED_STARTTLS {

			@Override
			void configure(SMTPServer.Builder server, Builder builder) {
				// Enabled to be advertised; RefusedStartTlsCommand answers.
				server.enableTLS();
			}

		},

		IMPLICIT {

			@Override
			void configure(SMTPServer.Builder server, Builder builder) {
				server.serverSocketFactory(
						TlsSockets.implicit(Objects.requireNonNull(builder.sslContext), builder.tlsProtocols));
			}

		};

		abstract void configure(SMTPServer.Builder server, Builder builder);

	}

}
