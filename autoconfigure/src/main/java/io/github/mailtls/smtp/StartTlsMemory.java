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
package io.github.mailtls.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.MailTlsConfigurationException;

/**
 * Remembers, per {@code host:port}, the servers that advertised STARTTLS, so that a later
 * session without the advertisement is recognised as a possible downgrade (STRIPTLS)
 * instead of an ordinary server without TLS. Held in memory for the life of the sender
 * and, when a file is given, appended to it so that a restart does not forget. Every
 * location, read from the file or given by the sender, is taken as a {@link ServerKey},
 * so another spelling of the same host cannot evade the memory.
 *
 * @since 0.1.0
 */
public final class StartTlsMemory {

	private static final Log logger = LogFactory.getLog(StartTlsMemory.class);

	private final Set<ServerKey> offeredStartTls = ConcurrentHashMap.newKeySet();

	private final @Nullable Path file;

	/**
	 * Create a memory, loaded from and appended to the given file if there is one.
	 * @param file the file, created when missing, or {@code null} to keep it in memory
	 * only
	 * @throws java.io.UncheckedIOException if the file exists but cannot be read
	 */
	public StartTlsMemory(@Nullable Path file) {
		this.file = file;
		if (file != null && Files.exists(file)) {
			try {
				Files.readAllLines(file, StandardCharsets.UTF_8)
					.stream()
					.map(String::trim)
					.filter((line) -> !line.isEmpty())
					.forEach((line) -> remember(file, line));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the STARTTLS memory file " + file, ex);
			}
		}
	}

	private void remember(Path file, String line) {
		try {
			this.offeredStartTls.add(ServerKey.parse(line));
		}
		catch (IllegalArgumentException ex) {
			throw new MailTlsConfigurationException("mail.tls.downgrade-memory-file",
					"'%s' holds the line '%s', which is not host:port".formatted(file, line),
					"Fix or delete that line of the file, or point mail.tls.downgrade-memory-file at another file.");
		}
	}

	void rememberOffered(String location) {
		rememberOffered(ServerKey.parse(location));
	}

	void rememberOffered(ServerKey server) {
		if (this.offeredStartTls.add(server) && this.file != null) {
			append(this.file, server);
		}
	}

	boolean offeredBefore(String location) {
		return offeredBefore(ServerKey.parse(location));
	}

	boolean offeredBefore(ServerKey server) {
		return this.offeredStartTls.contains(server);
	}

	private static synchronized void append(Path file, ServerKey location) {
		try {
			Files.writeString(file, location + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// The protection still holds in memory; only a restart would forget.
			logger.warn("Cannot record in " + file + " that " + location + " offers STARTTLS", ex);
		}
	}

}
