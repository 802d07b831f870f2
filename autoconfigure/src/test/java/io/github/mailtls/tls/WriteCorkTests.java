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
package io.github.mailtls.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corked guarded output holds every write and flush back, and lets them out in one
 * write and one flush.
 */
class WriteCorkTests {

	private final RecordingStream wire = new RecordingStream();

	private final GuardedStreams streams = new GuardedStreams(new ReplyDeadline("test", 1000), (timeout) -> {
	}, () -> {
	}, true);

	private final OutputStream output = this.streams.output(this.wire);

	@Test
	void corkedWritesShouldLeaveInOneWriteAndOneFlush() throws IOException {
		this.streams.cork();
		command("MAIL FROM:<a@example.org>");
		command("RCPT TO:<b@example.org>");
		command("DATA");
		assertThat(this.wire.writes).isEmpty();
		assertThat(this.wire.flushes).isZero();
		this.streams.uncork();
		assertThat(this.wire.writes)
			.containsExactly("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n");
		assertThat(this.wire.flushes).isOne();
	}

	@Test
	void uncorkedWritesShouldGoThroughAsWritten() throws IOException {
		command("EHLO client");
		command("STARTTLS");
		assertThat(this.wire.writes).containsExactly("EHLO client", "\r\n", "STARTTLS", "\r\n");
		assertThat(this.wire.flushes).isEqualTo(2);
	}

	@Test
	void discardedWritesShouldNeverReachTheWire() throws IOException {
		this.streams.cork();
		command("MAIL FROM:<a@example.org>");
		this.streams.discard();
		this.streams.uncork();
		command("RSET");
		assertThat(this.wire.writes).containsExactly("RSET", "\r\n");
	}

	@Test
	void connectCallShouldHandTheLastLayerItCreatedToTheTransport() {
		try (HandshakeCapture capture = HandshakeCapture.open()) {
			GuardedStreams plain = new GuardedStreams(new ReplyDeadline("plain", 1000), (timeout) -> {
			}, () -> {
			}, true);
			assertThat(capture.cork()).isSameAs(plain);
			GuardedStreams tls = new GuardedStreams(new ReplyDeadline("tls", 1000), (timeout) -> {
			}, () -> {
			}, true);
			assertThat(capture.cork()).isSameAs(tls);
		}
	}

	// As Angus writes a command: the line, its end, and a flush.
	private void command(String line) throws IOException {
		this.output.write(line.getBytes(StandardCharsets.US_ASCII));
		this.output.write(new byte[] { '\r', '\n' });
		this.output.flush();
	}

	// Records every write call as it arrives.
	private static final class RecordingStream extends OutputStream {

		private final List<String> writes = new ArrayList<>();

		private int flushes;

		@Override
		public void write(int b) {
			this.writes.add(String.valueOf((char) b));
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.writes.add(new String(bytes, offset, length, StandardCharsets.US_ASCII));
		}

		@Override
		public void flush() {
			this.flushes++;
		}

	}

}
