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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.mailtls.smtp.sinkfixture.FreshTransport;
import io.github.mailtls.smtp.sinkfixture.early.EarlyTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the loggers Angus writes a transport's session to publish nothing, whatever
 * level they are given, and that loggers below them still work.
 */
class TransportLogSinkTests {

	private final Logger root = Logger.getLogger("");

	private final RecordingHandler handler = new RecordingHandler();

	@BeforeEach
	void addHandler() {
		this.root.addHandler(this.handler);
	}

	@AfterEach
	void removeHandler() {
		this.root.removeHandler(this.handler);
	}

	@Test
	void loggerNamesShouldDeriveFromTheTransportClass() {
		assertThat(TransportLogSink.loggerNames(FreshTransport.class)).startsWith("io.github.mailtls.smtp.sinkfixture",
				"io.github.mailtls.smtp.sinkfixture.protocol");
	}

	@Test
	void installShouldSilenceTheTransportLoggersWhateverTheirLevel() {
		TransportLogSink.install(FreshTransport.class);
		for (String name : TransportLogSink.loggerNames(FreshTransport.class)) {
			Logger logger = Logger.getLogger(name);
			logger.setLevel(Level.ALL);
			logger.setUseParentHandlers(true);
			assertThat(logger.isLoggable(Level.FINEST)).isFalse();
			logger.severe("secret " + name);
			logger.log(new LogRecord(Level.SEVERE, "record " + name));
		}
		assertThat(this.handler.messages).isEmpty();
	}

	@Test
	void installWhenTheLoggerExistsAlreadyShouldFilterItsRecords() {
		Logger early = Logger.getLogger(EarlyTransport.class.getPackageName());
		early.setLevel(Level.FINEST);
		TransportLogSink.install(EarlyTransport.class);
		assertThat(Logger.getLogger(EarlyTransport.class.getPackageName())).isSameAs(early);
		early.fine("user name");
		Logger.getLogger(EarlyTransport.class.getPackageName() + ".protocol").finest("AUTH PLAIN");
		assertThat(this.handler.messages).isEmpty();
	}

	@Test
	void loggersBelowASilencedOneShouldStillPublish() {
		TransportLogSink.install(FreshTransport.class);
		Logger child = Logger.getLogger(FreshTransport.class.getName());
		child.warning("downgrade warning");
		Logger early = Logger.getLogger(EarlyTransport.class.getName());
		TransportLogSink.install(EarlyTransport.class);
		early.warning("early child warning");
		assertThat(this.handler.messages).containsExactly("downgrade warning", "early child warning");
	}

	private static final class RecordingHandler extends Handler {

		private final List<String> messages = new CopyOnWriteArrayList<>();

		@Override
		public void publish(LogRecord record) {
			this.messages.add(record.getMessage());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
