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
package io.github.mailtls.sample.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DevelopmentSmtpServerInitializer}.
 */
class DevelopmentSmtpServerInitializerTests {

	@Test
	void initializeStartsServerThatRequiresStartTlsAndPointsSpringMailAtIt() {
		run(new MockEnvironment(), (context) -> {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.mail.host")).isEqualTo("localhost");
			assertThat(environment.getProperty("mail.tls.ssl-bundle")).isEqualTo("dev-smtp");
			assertThat(environment.getProperty("spring.ssl.bundle.pem.dev-smtp.truststore.certificate"))
				.startsWith("-----BEGIN CERTIFICATE-----");
			assertThat(context.getBean(Inbox.class).newestFirst()).isEmpty();
			List<String> session = smtpSession(port(context), "EHLO test", "MAIL FROM:<a@example.com>");
			assertThat(session).anySatisfy((line) -> assertThat(line).isEqualTo("250-STARTTLS"))
				.last()
				.satisfies((line) -> assertThat(line).startsWith("530"));
		});
	}

	@Test
	void initializeWithStartTlsDisabledStartsServerWithoutTls() {
		run(new MockEnvironment().withProperty("sample.dev-smtp.start-tls", "false"), (context) -> {
			List<String> session = smtpSession(port(context), "EHLO test");
			assertThat(session).first().satisfies((line) -> assertThat(line).startsWith("220"));
			assertThat(session).noneSatisfy((line) -> assertThat(line).contains("STARTTLS"));
		});
	}

	@Test
	void closeStopsServer() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(new MockEnvironment());
		new DevelopmentSmtpServerInitializer().initialize(context);
		context.refresh();
		int port = port(context);
		context.close();
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(port).close());
	}

	@Test
	void initializeWhenDisabledDoesNothing() {
		run(new MockEnvironment().withProperty("sample.dev-smtp.enabled", "false"), (context) -> {
			assertThat(context.getEnvironment().containsProperty("spring.mail.host")).isFalse();
			assertThat(context.getBeanProvider(Inbox.class).getIfAvailable()).isNull();
		});
	}

	private static void run(MockEnvironment environment, Consumer<GenericApplicationContext> assertions) {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.setEnvironment(environment);
			new DevelopmentSmtpServerInitializer().initialize(context);
			context.refresh();
			assertions.accept(context);
		}
	}

	private static int port(GenericApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("spring.mail.port", Integer.class);
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(5000);
		return socket;
	}

	private static List<String> smtpSession(int port, String... commands) {
		List<String> lines = new ArrayList<>();
		try (Socket socket = connect(port)) {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			Writer writer = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
			readReply(reader, lines);
			for (String command : commands) {
				writer.write(command + "\r\n");
				writer.flush();
				readReply(reader, lines);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return lines;
	}

	private static void readReply(BufferedReader reader, List<String> lines) throws IOException {
		String line;
		do {
			line = reader.readLine();
			assertThat(line).as("reply line").isNotNull();
			lines.add(line);
		}
		// A hyphen after the code marks a continuation line of a multi-line reply.
		while (line.length() > 3 && line.charAt(3) == '-');
	}

}
