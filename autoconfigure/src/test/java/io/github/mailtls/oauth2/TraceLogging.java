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
package io.github.mailtls.oauth2;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.slf4j.bridge.SLF4JBridgeHandler;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * Switches the loggers of the client side that could see a token to their most verbose
 * level, including Angus' java.util.logging protocol transcript, so that a test capturing
 * the output proves that no token is logged at any level. The test SMTP server's own
 * loggers stay as they are: SubEthaSMTP logs every line it receives at DEBUG, as a server
 * may.
 */
final class TraceLogging {

	private static final List<String> LOGGERS = List.of("io.github.mailtls", "org.eclipse.angus", "jakarta.mail",
			"org.springframework.security", "org.springframework.web", "org.springframework.http");

	// Held so that java.util.logging does not forget the levels.
	private static final List<Logger> julLoggers = LOGGERS.stream().map(Logger::getLogger).toList();

	private TraceLogging() {
	}

	static void enable() {
		LoggingSystem system = LoggingSystem.get(TraceLogging.class.getClassLoader());
		// Boot's own set-up, with the bridge from java.util.logging that Angus logs
		// through; a no-op once an application initialized it.
		system.beforeInitialize();
		system.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
		// An application closed by an earlier test removes the bridge again.
		if (!SLF4JBridgeHandler.isInstalled()) {
			SLF4JBridgeHandler.install();
		}
		LOGGERS.forEach((name) -> system.setLogLevel(name, LogLevel.TRACE));
		julLoggers.forEach((logger) -> logger.setLevel(Level.FINEST));
	}

	static void reset() {
		LoggingSystem system = LoggingSystem.get(TraceLogging.class.getClassLoader());
		LOGGERS.forEach((name) -> system.setLogLevel(name, null));
		julLoggers.forEach((logger) -> logger.setLevel(null));
	}

}
