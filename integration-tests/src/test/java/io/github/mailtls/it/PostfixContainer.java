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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.TestCertificateAuthority;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;

/**
 * A real Postfix MTA in a container, built from the Dockerfile in
 * {@code src/test/resources/postfix}. One container offers every TLS situation the
 * starter must handle, each on its own port:
 * <table>
 * <caption>Listeners</caption>
 * <tr>
 * <th>container port</th>
 * <th>behaviour</th>
 * </tr>
 * <tr>
 * <td>{@value #STARTTLS_PORT}</td>
 * <td>STARTTLS offered (not required), AUTH only after TLS, good certificate</td>
 * </tr>
 * <tr>
 * <td>{@value #IMPLICIT_TLS_PORT}</td>
 * <td>implicit TLS, AUTH, good certificate</td>
 * </tr>
 * <tr>
 * <td>{@value #PLAINTEXT_PORT}</td>
 * <td>plaintext only, no STARTTLS, AUTH offered in clear</td>
 * </tr>
 * <tr>
 * <td>{@value #TLS12_ONLY_PORT}</td>
 * <td>implicit TLS, TLSv1.2 only, good certificate</td>
 * </tr>
 * <tr>
 * <td>{@value #WRONG_HOST_PORT}</td>
 * <td>implicit TLS, certificate for another host name</td>
 * </tr>
 * <tr>
 * <td>{@value #EXPIRED_CERTIFICATE_PORT}</td>
 * <td>implicit TLS, expired certificate</td>
 * </tr>
 * </table>
 * Certificates are supplied by the test (nothing is baked into the image) and copied into
 * {@value #TLS_DIRECTORY} before the container starts. A certificate that is not supplied
 * is replaced by a self-signed placeholder. Every message for {@code localhost} or
 * {@value #LOCAL_DOMAIN} (any local part) is accepted without AUTH and delivered to one
 * Maildir, which {@link #deliveredMessages()} reads back; relaying elsewhere needs AUTH.
 * <p>
 * Postfix logs to the container's stdout with {@code smtpd_tls_loglevel = 1}; each
 * listener logs under its own name ({@code postfix/port587/smtpd[pid]: ...}), so
 * {@link #tlsConnectionsSince(LogMark)} can tell which port negotiated what. Every
 * delivered message also carries the negotiated TLS in its {@code Received} header (see
 * {@link #receivedTls(String)}).
 */
public class PostfixContainer extends GenericContainer<PostfixContainer> {

	/** STARTTLS offered, AUTH only after TLS, good certificate. */
	public static final int STARTTLS_PORT = 587;

	/** Implicit TLS, AUTH, good certificate. */
	public static final int IMPLICIT_TLS_PORT = 465;

	/** Plaintext only: no STARTTLS advertised, AUTH offered in clear. */
	public static final int PLAINTEXT_PORT = 2525;

	/** Implicit TLS restricted to TLSv1.2, good certificate. */
	public static final int TLS12_ONLY_PORT = 4650;

	/** Implicit TLS with the {@link ServerCertificate#WRONG_HOST} certificate. */
	public static final int WRONG_HOST_PORT = 4651;

	/** Implicit TLS with the {@link ServerCertificate#EXPIRED} certificate. */
	public static final int EXPIRED_CERTIFICATE_PORT = 4652;

	/**
	 * Host name that {@link #PostfixContainer(TestCertificateAuthority)} puts in the
	 * wrong-host certificate.
	 */
	public static final String WRONG_HOST_NAME = "wrong.example.org";

	/** Domain delivered locally (as is {@code localhost}). */
	public static final String LOCAL_DOMAIN = "mailtls.test";

	/** The server's own name, in its greeting and EHLO reply. */
	public static final String SERVER_NAME = "mail.mailtls.test";

	/** Default SASL user name. */
	public static final String DEFAULT_USERNAME = "user";

	/** Default SASL password. */
	public static final String DEFAULT_PASSWORD = "secret";

	/** Directory in the container that holds the certificates and keys. */
	public static final String TLS_DIRECTORY = "/etc/postfix/tls";

	/** Maildir directory in the container that receives every local message. */
	public static final String MAILDIR_NEW = "/home/rcpt/Maildir/new";

	private static final List<Integer> PORTS = List.of(STARTTLS_PORT, IMPLICIT_TLS_PORT, PLAINTEXT_PORT,
			TLS12_ONLY_PORT, WRONG_HOST_PORT, EXPIRED_CERTIFICATE_PORT);

	/** Built once per JVM; Docker's layer cache makes rebuilds on later runs quick. */
	private static final ImageFromDockerfile IMAGE = new ImageFromDockerfile("mail-tls-postfix:test", false)
		.withFileFromClasspath(".", "postfix");

	private static final Pattern SERVICE = Pattern.compile("postfix/port(\\d+)/smtpd\\[\\d+\\]: (.*)$");

	private static final Pattern TLS_ESTABLISHED = Pattern
		.compile("(Anonymous|Untrusted|Trusted|Verified) TLS connection established from (\\S+): "
				+ "(TLSv[0-9.]+) with cipher (\\S+) \\((\\d+)/(\\d+) bits\\)");

	private static final Pattern DISCONNECT = Pattern.compile("disconnect from (\\S+)((?: \\S+=\\S+)*)\\s*$");

	private static final Pattern RECEIVED_TLS = Pattern.compile("\\(using (TLSv[0-9.]+) with cipher (\\S+) \\(");

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

	private final Map<ServerCertificate, ServerIdentity> identities = new EnumMap<>(ServerCertificate.class);

	private String username = DEFAULT_USERNAME;

	private String password = DEFAULT_PASSWORD;

	/**
	 * Create a container without certificates; add them with the {@code withCertificate}
	 * methods (missing ones become self-signed placeholders).
	 */
	public PostfixContainer() {
		super(IMAGE);
		withExposedPorts(PORTS.toArray(Integer[]::new));
		withCredentials(DEFAULT_USERNAME, DEFAULT_PASSWORD);
		// postfix/master logs this once every listener socket is bound.
		waitingFor(Wait.forLogMessage("(?s).*postfix/master.*daemon started.*", 1)
			.withStartupTimeout(Duration.ofMinutes(2)));
	}

	/**
	 * Create a container whose certificates are read from PEM files in a directory:
	 * {@code good.pem}/{@code good.key}, {@code wronghost.pem}/{@code wronghost.key} and
	 * {@code expired.pem}/{@code expired.key} (chain leaf first; unencrypted key). Pairs
	 * that are absent become self-signed placeholders.
	 * @param tlsDirectory the directory
	 */
	public PostfixContainer(Path tlsDirectory) {
		this();
		for (ServerCertificate certificate : ServerCertificate.values()) {
			Path chain = tlsDirectory.resolve(certificate.chainFileName());
			Path key = tlsDirectory.resolve(certificate.keyFileName());
			if (Files.isRegularFile(chain) && Files.isRegularFile(key)) {
				withCertificate(certificate, chain, key);
			}
		}
	}

	/**
	 * Create a container with all three certificates issued by the given authority:
	 * {@link TestCertificateAuthority#issueLocalhost()},
	 * {@link TestCertificateAuthority#issueForHost(String)} for {@value #WRONG_HOST_NAME}
	 * and {@link TestCertificateAuthority#issueExpiredLocalhost()}. A client that trusts
	 * the authority verifies the good ports and fails on the other two.
	 * @param authority the certificate authority
	 */
	public PostfixContainer(TestCertificateAuthority authority) {
		this();
		withCertificate(ServerCertificate.GOOD, authority.issueLocalhost());
		withCertificate(ServerCertificate.WRONG_HOST, authority.issueForHost(WRONG_HOST_NAME));
		withCertificate(ServerCertificate.EXPIRED, authority.issueExpiredLocalhost());
	}

	/**
	 * Use the given certificate chain and key PEM files for one of the certificates.
	 * @param certificate which certificate
	 * @param chainPem certificate chain (leaf first)
	 * @param keyPem unencrypted private key (PKCS#8 or traditional)
	 * @return this container
	 */
	public PostfixContainer withCertificate(ServerCertificate certificate, Path chainPem, Path keyPem) {
		withCopyFileToContainer(MountableFile.forHostPath(chainPem, 0644),
				TLS_DIRECTORY + "/" + certificate.chainFileName());
		return withCopyFileToContainer(MountableFile.forHostPath(keyPem, 0600),
				TLS_DIRECTORY + "/" + certificate.keyFileName());
	}

	/**
	 * Use the given PEM content for one of the certificates.
	 * @param certificate which certificate
	 * @param chainPem certificate chain (leaf first)
	 * @param keyPem unencrypted private key (PKCS#8 or traditional)
	 * @return this container
	 */
	public PostfixContainer withCertificate(ServerCertificate certificate, byte[] chainPem, byte[] keyPem) {
		withCopyToContainer(Transferable.of(chainPem, 0644), TLS_DIRECTORY + "/" + certificate.chainFileName());
		return withCopyToContainer(Transferable.of(keyPem, 0600), TLS_DIRECTORY + "/" + certificate.keyFileName());
	}

	/**
	 * Use the given identity for one of the certificates.
	 * @param certificate which certificate
	 * @param identity the certificate chain and key
	 * @return this container
	 */
	public PostfixContainer withCertificate(ServerCertificate certificate, ServerIdentity identity) {
		this.identities.put(certificate, identity);
		return withCertificate(certificate, identity.certificateChainPem().getBytes(StandardCharsets.US_ASCII),
				identity.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Set the SASL credentials (mechanisms PLAIN and LOGIN) the server accepts.
	 * @param username the user name
	 * @param password the password
	 * @return this container
	 */
	public PostfixContainer withCredentials(String username, String password) {
		this.username = username;
		this.password = password;
		withEnv("SMTP_USER", username);
		return withEnv("SMTP_PASSWORD", password);
	}

	/**
	 * Return the identity given for a certificate, if it was given as a
	 * {@link ServerIdentity} (always so for
	 * {@link #PostfixContainer(TestCertificateAuthority)}).
	 * @param certificate which certificate
	 * @return the identity
	 */
	public Optional<ServerIdentity> serverIdentity(ServerCertificate certificate) {
		return Optional.ofNullable(this.identities.get(certificate));
	}

	public String getUsername() {
		return this.username;
	}

	public String getPassword() {
		return this.password;
	}

	/**
	 * Return the host port that a container port is published on (connect to
	 * {@link #getHost()}, which is {@code localhost} here).
	 * @param containerPort one of the port constants
	 * @return the host port
	 */
	public int mappedPort(int containerPort) {
		return getMappedPort(containerPort);
	}

	// ----------------------------------------------------------------- log

	/**
	 * Return the container's log (Postfix and the entrypoint), one entry per line.
	 * @return the lines so far
	 */
	public List<String> logLines() {
		String logs = getLogs(OutputType.STDOUT);
		if (logs.isEmpty()) {
			return List.of();
		}
		return List.of(logs.split("\\r?\\n"));
	}

	/**
	 * Return a mark for "now" in the log, to look only at what a test caused afterwards.
	 * @return the mark
	 */
	public LogMark logMark() {
		return new LogMark(logLines().size());
	}

	/**
	 * Return the log lines written after the mark.
	 * @param mark the mark
	 * @return the lines
	 */
	public List<String> logLinesSince(LogMark mark) {
		List<String> lines = logLines();
		return (mark.line() >= lines.size()) ? List.of() : lines.subList(mark.line(), lines.size());
	}

	/**
	 * Return every TLS connection Postfix logged ("Anonymous TLS connection established
	 * from ...").
	 * @return the connections, oldest first
	 */
	public List<TlsConnection> tlsConnections() {
		return tlsConnections(logLines());
	}

	/**
	 * Return the TLS connections logged after the mark.
	 * @param mark the mark
	 * @return the connections, oldest first
	 */
	public List<TlsConnection> tlsConnectionsSince(LogMark mark) {
		return tlsConnections(logLinesSince(mark));
	}

	/**
	 * Wait (up to 20 seconds) until a TLS connection on the given container port is
	 * logged after the mark, and return the first one.
	 * @param mark the mark
	 * @param containerPort the container port
	 * @return the connection
	 */
	public TlsConnection awaitTlsConnection(LogMark mark, int containerPort) {
		return await(() -> tlsConnectionsSince(mark).stream()
			.filter((connection) -> connection.port() == containerPort)
			.findFirst(), "a TLS connection on port " + containerPort);
	}

	/**
	 * Return the session summaries ({@code disconnect from ... ehlo=1 starttls=1 auth=1
	 * ... commands=n}) logged after the mark: which SMTP commands each client sent.
	 * @param mark the mark
	 * @return the sessions, oldest first
	 */
	public List<SmtpSession> sessionsSince(LogMark mark) {
		List<SmtpSession> sessions = new ArrayList<>();
		for (String line : logLinesSince(mark)) {
			Matcher service = SERVICE.matcher(line);
			if (service.find()) {
				Matcher disconnect = DISCONNECT.matcher(service.group(2));
				if (disconnect.matches()) {
					Map<String, String> commands = new LinkedHashMap<>();
					for (String pair : disconnect.group(2).trim().split(" ")) {
						int equals = pair.indexOf('=');
						if (equals > 0) {
							commands.put(pair.substring(0, equals), pair.substring(equals + 1));
						}
					}
					sessions.add(new SmtpSession(Integer.parseInt(service.group(1)), disconnect.group(1),
							Collections.unmodifiableMap(commands), line));
				}
			}
		}
		return sessions;
	}

	/**
	 * Wait (up to 20 seconds) until a session on the given port ends after the mark, and
	 * return the first one.
	 * @param mark the mark
	 * @param containerPort the container port
	 * @return the session summary
	 */
	public SmtpSession awaitSession(LogMark mark, int containerPort) {
		return await(
				() -> sessionsSince(mark).stream().filter((session) -> session.port() == containerPort).findFirst(),
				"the end of an SMTP session on port " + containerPort);
	}

	/**
	 * Wait (up to 20 seconds) until at least {@code count} sessions on the given port
	 * have ended after the mark, and return every one that has.
	 * @param mark the mark
	 * @param containerPort the container port
	 * @param count how many sessions to wait for
	 * @return the session summaries, oldest first
	 */
	public List<SmtpSession> awaitSessions(LogMark mark, int containerPort, int count) {
		return await(() -> {
			List<SmtpSession> sessions = sessionsSince(mark).stream()
				.filter((session) -> session.port() == containerPort)
				.toList();
			return (sessions.size() >= count) ? Optional.of(sessions) : Optional.empty();
		}, count + " SMTP sessions ending on port " + containerPort);
	}

	// ----------------------------------------------------------------- mailbox

	/**
	 * Return the raw RFC 5322 text of every delivered message, oldest first.
	 * @return the messages
	 */
	public List<String> deliveredMessages() {
		// NUL cannot occur in a message Postfix delivered from SMTP text, so it separates
		// them.
		String script = "cd " + MAILDIR_NEW + " 2>/dev/null || exit 0; "
				+ "for f in $(ls -1tr); do cat \"$f\"; printf '\\000'; done";
		String output = exec("sh", "-c", script);
		if (output.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(output.split("\0", -1)).filter((message) -> !message.isEmpty()).toList();
	}

	/**
	 * Wait (up to 20 seconds) for a delivered message that contains the given text (for
	 * example a unique subject) and return it.
	 * @param text the text to look for
	 * @return the raw message
	 */
	public String awaitMessage(String text) {
		return awaitMessage((message) -> message.contains(text), "a message containing '" + text + "'");
	}

	/**
	 * Wait (up to 20 seconds) for a delivered message that matches and return it.
	 * @param condition the condition
	 * @param description what is awaited, for the failure message
	 * @return the raw message
	 */
	public String awaitMessage(Predicate<String> condition, String description) {
		return await(() -> deliveredMessages().stream().filter(condition).findFirst(), description);
	}

	/**
	 * Wait (up to 20 seconds) until at least {@code count} delivered messages contain the
	 * given text, and return every one that does.
	 * @param text the text to look for
	 * @param count how many messages to wait for
	 * @return the raw messages, oldest first
	 */
	public List<String> awaitMessages(String text, int count) {
		return await(() -> {
			List<String> messages = deliveredMessages().stream().filter((message) -> message.contains(text)).toList();
			return (messages.size() >= count) ? Optional.of(messages) : Optional.empty();
		}, count + " messages containing '" + text + "'");
	}

	/**
	 * Delete every delivered message.
	 */
	public void clearMailbox() {
		exec("sh", "-c", "rm -f " + MAILDIR_NEW + "/*");
	}

	/**
	 * Return how many messages Postfix has accepted and not yet delivered or deferred:
	 * the files of its {@code maildrop}, {@code incoming} and {@code active} queues.
	 * @return the count
	 */
	public int messagesInFlight() {
		return Integer.parseInt(exec("sh", "-c",
				"find /var/spool/postfix/maildrop /var/spool/postfix/incoming /var/spool/postfix/active -type f "
						+ "| wc -l")
			.trim());
	}

	/**
	 * Return the TLS that Postfix recorded in the {@code Received} header it added to a
	 * delivered message ({@code (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 ...)}).
	 * @param rawMessage a message from {@link #deliveredMessages()}
	 * @return the negotiated TLS, empty when the message arrived in plaintext
	 */
	public static Optional<NegotiatedTls> receivedTls(String rawMessage) {
		int endOfHeaders = rawMessage.indexOf("\n\n");
		String headers = (endOfHeaders >= 0) ? rawMessage.substring(0, endOfHeaders) : rawMessage;
		// The first Received header is Postfix's own; unfold it.
		int received = headers.indexOf("Received:");
		if (received < 0) {
			return Optional.empty();
		}
		Matcher nextHeader = Pattern.compile("\\n\\S").matcher(headers);
		int end = nextHeader.find(received) ? nextHeader.start() : headers.length();
		String header = headers.substring(received, end).replaceAll("\\s+", " ");
		Matcher matcher = RECEIVED_TLS.matcher(header);
		return matcher.find() ? Optional.of(new NegotiatedTls(matcher.group(1), matcher.group(2))) : Optional.empty();
	}

	// ----------------------------------------------------------------- helpers

	private String exec(String... command) {
		try {
			ExecResult result = execInContainer(StandardCharsets.UTF_8, command);
			if (result.getExitCode() != 0) {
				throw new IllegalStateException(
						"'" + String.join(" ", command) + "' failed in the container: " + result.getStderr());
			}
			return result.getStdout();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run '" + String.join(" ", command) + "' in the container", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static List<TlsConnection> tlsConnections(List<String> lines) {
		List<TlsConnection> connections = new ArrayList<>();
		for (String line : lines) {
			Matcher service = SERVICE.matcher(line);
			if (service.find()) {
				Matcher tls = TLS_ESTABLISHED.matcher(service.group(2));
				if (tls.lookingAt()) {
					connections.add(new TlsConnection(Integer.parseInt(service.group(1)), tls.group(1), tls.group(2),
							new NegotiatedTls(tls.group(3), tls.group(4)), Integer.parseInt(tls.group(5)), line));
				}
			}
		}
		return connections;
	}

	private <T> T await(Supplier<Optional<T>> probe, String description) {
		long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
		while (true) {
			Optional<T> result = probe.get();
			if (result.isPresent()) {
				return result.get();
			}
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Postfix did not report " + description + " within "
						+ DEFAULT_TIMEOUT.toSeconds() + "s; log:\n" + String.join("\n", logLines()));
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + description, ex);
			}
		}
	}

	/**
	 * The certificates the server presents; each is a chain and key file pair in
	 * {@value PostfixContainer#TLS_DIRECTORY}.
	 */
	public enum ServerCertificate {

		/** Valid for {@code localhost}/{@code 127.0.0.1}: ports 587, 465, 4650. */
		GOOD("good"),

		/** Issued for another host name: port 4651. */
		WRONG_HOST("wronghost"),

		/** Expired: port 4652. */
		EXPIRED("expired");

		private final String baseName;

		ServerCertificate(String baseName) {
			this.baseName = baseName;
		}

		/**
		 * Return the name of the chain file, for example {@code good.pem}.
		 * @return the file name
		 */
		public String chainFileName() {
			return this.baseName + ".pem";
		}

		/**
		 * Return the name of the key file, for example {@code good.key}.
		 * @return the file name
		 */
		public String keyFileName() {
			return this.baseName + ".key";
		}

	}

	/**
	 * A position in the container log.
	 *
	 * @param line the number of lines before the position
	 */
	public record LogMark(int line) {
	}

	/**
	 * TLS protocol and cipher suite as Postfix (OpenSSL) names them.
	 *
	 * @param protocol for example {@code TLSv1.3} (the same name as
	 * {@code SSLSession.getProtocol()})
	 * @param cipher the OpenSSL name, for example {@code TLS_AES_256_GCM_SHA384} or
	 * {@code ECDHE-RSA-AES256-GCM-SHA384}
	 */
	public record NegotiatedTls(String protocol, String cipher) {

		/**
		 * Return the cipher suite the way {@code SSLSession.getCipherSuite()} names it.
		 * @return the IANA name
		 */
		public String javaCipherSuite() {
			return OpenSslCipherNames.toJava(this.cipher);
		}

	}

	/**
	 * A TLS connection Postfix accepted.
	 *
	 * @param port the container port
	 * @param trust {@code Anonymous} when no client certificate was requested (always so
	 * here); {@code Untrusted}, {@code Trusted} or {@code Verified} otherwise
	 * @param client the client as Postfix saw it, for example {@code unknown[172.17.0.1]}
	 * (the Docker bridge; the client port is not logged)
	 * @param tls protocol and cipher suite
	 * @param bits the cipher's key size
	 * @param line the whole log line
	 */
	public record TlsConnection(int port, String trust, String client, NegotiatedTls tls, int bits, String line) {

		public String protocol() {
			return this.tls.protocol();
		}

		public String javaCipherSuite() {
			return this.tls.javaCipherSuite();
		}

	}

	/**
	 * The summary Postfix logs when an SMTP session ends, for example
	 * {@code disconnect from unknown[172.17.0.1] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8}.
	 * A value {@code a/b} means {@code a} of {@code b} attempts succeeded.
	 *
	 * @param port the container port
	 * @param client the client
	 * @param commands command name to count, in log order
	 * @param line the whole log line
	 */
	public record SmtpSession(int port, String client, Map<String, String> commands, String line) {

		/**
		 * Whether the client sent the command at all (successfully or not).
		 * @param command for example {@code auth}, {@code mail}, {@code starttls}
		 * @return whether it was sent
		 */
		public boolean sent(String command) {
			return this.commands.containsKey(command.toLowerCase(Locale.ROOT));
		}

	}

}
