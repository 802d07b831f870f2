package io.github.mailtls.oauth2;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Switches the loggers that could see a token to their most verbose level, including
 * Angus' java.util.logging protocol transcript, so that a test capturing the output
 * proves that no token is logged at any level.
 *
 * @author mail-tls
 */
final class TraceLogging {

	private static final List<String> LOGGERS = List.of("io.github.mailtls", "org.eclipse.angus", "jakarta.mail",
			"org.springframework.security", "org.springframework.web", "org.springframework.http", "org.subethamail");

	// Held so that java.util.logging does not forget the levels.
	private static final List<Logger> julLoggers = LOGGERS.stream().map(Logger::getLogger).toList();

	private TraceLogging() {
	}

	static void enable() {
		LoggingSystem system = LoggingSystem.get(TraceLogging.class.getClassLoader());
		// Installs the bridge from java.util.logging, which Angus logs through.
		system.beforeInitialize();
		LOGGERS.forEach((name) -> system.setLogLevel(name, LogLevel.TRACE));
		julLoggers.forEach((logger) -> logger.setLevel(Level.FINEST));
	}

	static void reset() {
		LoggingSystem system = LoggingSystem.get(TraceLogging.class.getClassLoader());
		LOGGERS.forEach((name) -> system.setLogLevel(name, null));
		julLoggers.forEach((logger) -> logger.setLevel(null));
	}

}
