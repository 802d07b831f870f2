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

/**
 * Remembers, per {@code host:port}, the servers that advertised STARTTLS, so that a later
 * session without the advertisement is recognised as a possible downgrade (STRIPTLS)
 * instead of an ordinary server without TLS. Held in memory for the life of the sender
 * and, when a file is given, appended to it so that a restart does not forget.
 *
 * @author mail-tls
 */
public final class StartTlsMemory {

	private static final Log logger = LogFactory.getLog(StartTlsMemory.class);

	private final Set<String> offeredStartTls = ConcurrentHashMap.newKeySet();

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
					.forEach(this.offeredStartTls::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the STARTTLS memory file " + file, ex);
			}
		}
	}

	void rememberOffered(String location) {
		if (this.offeredStartTls.add(location) && this.file != null) {
			append(this.file, location);
		}
	}

	boolean offeredBefore(String location) {
		return this.offeredStartTls.contains(location);
	}

	private static synchronized void append(Path file, String location) {
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
