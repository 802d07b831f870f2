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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.angus.mail.auth.Ntlm;
import org.eclipse.angus.mail.smtp.DigestMD5;

/**
 * Keeps the java.util.logging loggers that Angus Mail writes SMTP sessions to from ever
 * publishing. Angus names a transport's logger after the package of its concrete class
 * and writes the user name and recipients to it at {@code FINE}, and every protocol line
 * (message content included) to its {@code .protocol} child at {@code FINEST}; its
 * DIGEST-MD5 and NTLM authenticators write their responses to the loggers of their own
 * packages. Levels cannot protect these: Spring Boot's {@code logging.level.*} and its
 * level propagator set JUL levels. So each of these names is registered, before any
 * transport exists, as a logger that drops its own records whatever its level; a name
 * that someone created first keeps its logger, which then gets a filter that rejects
 * every record of its own (nothing in Boot resets filters).
 */
final class TransportLogSink {

	private static final String PROTOCOL = ".protocol";

	// LogManager keeps loggers weakly: without these references a silenced name could be
	// collected and then recreated as an ordinary logger.
	private static final Map<String, Logger> silenced = new ConcurrentHashMap<>();

	private TransportLogSink() {
	}

	/**
	 * Silence the loggers of {@link EnforcingSmtpTransport}. Called from its static
	 * initializer, so that it runs before the first transport is constructed.
	 */
	static void install() {
		install(EnforcingSmtpTransport.class);
	}

	static void install(Class<?> transportClass) {
		loggerNames(transportClass).forEach((name) -> silenced.computeIfAbsent(name, TransportLogSink::silence));
	}

	/**
	 * Return the names of the loggers that Angus writes a session of the given transport
	 * class to.
	 * @param transportClass the concrete Angus transport class
	 * @return the logger names
	 */
	static List<String> loggerNames(Class<?> transportClass) {
		String transport = transportClass.getPackageName();
		return List.of(transport, transport + PROTOCOL, DigestMD5.class.getPackageName(), Ntlm.class.getPackageName());
	}

	private static Logger silence(String name) {
		SilentLogger silent = new SilentLogger(name);
		if (LogManager.getLogManager().addLogger(silent)) {
			return silent;
		}
		// Someone asked for this name first (for example to set its level): the logger
		// cannot be replaced, so it gets a filter, which JUL checks for the logger's own
		// records only. Its level and handlers stay: loggers below it (ours, when
		// commons-logging writes to JUL) keep working.
		Logger existing = Logger.getLogger(name);
		existing.setFilter((record) -> false);
		return existing;
	}

	/**
	 * A logger that never publishes its own records, whatever its level. It has no level
	 * of its own and uses its parents' handlers, so loggers below it inherit their levels
	 * from above and their records still reach the root handlers through it.
	 */
	private static final class SilentLogger extends Logger {

		SilentLogger(String name) {
			super(name, null);
		}

		@Override
		public boolean isLoggable(Level level) {
			return false;
		}

		@Override
		public void log(LogRecord record) {
		}

	}

}
