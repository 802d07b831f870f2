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

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * The input and output streams of one guarded socket layer. Reads set the socket's read
 * timeout to the time left for the reply; a violated bound closes the raw connection
 * before it is thrown, and every later read or write fails with it. The output can be
 * {@link WriteCork corked}; the last layer created for a connect call is the one Angus
 * writes its commands to, and its cork is handed to the transport through the
 * {@link HandshakeCapture}.
 */
final class GuardedStreams implements WriteCork {

	private final ReplyDeadline deadline;

	private final TimeoutSetter timeoutSetter;

	private final Closer closer;

	// Null while this layer carries TLS records rather than SMTP lines.
	private volatile @Nullable ReplyBounds bounds;

	private volatile @Nullable IOException violation;

	// What a corked output holds back; null while it writes through.
	private @Nullable ByteArrayOutputStream held;

	private @Nullable Output output;

	GuardedStreams(ReplyDeadline deadline, TimeoutSetter timeoutSetter, Closer closer, boolean smtp) {
		this.deadline = deadline;
		this.timeoutSetter = timeoutSetter;
		this.closer = closer;
		this.bounds = smtp ? new ReplyBounds(deadline) : null;
		HandshakeCapture capture = HandshakeCapture.current();
		if (capture != null) {
			capture.layerCreated(this);
		}
	}

	ReplyDeadline deadline() {
		return this.deadline;
	}

	/**
	 * Stop parsing SMTP replies: TLS has been layered over this connection and the lines
	 * are bounded on the TLS socket.
	 */
	void carryTls() {
		this.bounds = null;
	}

	InputStream input(InputStream in) {
		return new Input(in);
	}

	OutputStream output(OutputStream out) {
		Output output = new Output(out);
		this.output = output;
		return output;
	}

	@Override
	public void cork() {
		if (this.held == null) {
			this.held = new ByteArrayOutputStream(512);
		}
	}

	@Override
	public void uncork() throws IOException {
		ByteArrayOutputStream held = this.held;
		this.held = null;
		Output output = this.output;
		if (held != null && output != null && held.size() > 0) {
			output.writeThrough(held.toByteArray(), 0, held.size());
			output.flush();
		}
	}

	@Override
	public void discard() {
		this.held = null;
	}

	/**
	 * Close the raw connection under all layers, as a violated bound does.
	 */
	void abortConnection() {
		this.closer.closeQuietly();
	}

	private void checkViolation() throws IOException {
		IOException violation = this.violation;
		if (violation != null) {
			throw violation;
		}
	}

	private IOException violated(IOException violation) {
		this.violation = violation;
		this.closer.closeQuietly();
		return violation;
	}

	/**
	 * Sets the read timeout of the socket layer that a stream reads from.
	 */
	@FunctionalInterface
	interface TimeoutSetter {

		void set(int timeoutMillis) throws IOException;

	}

	/**
	 * Closes the raw connection under all layers.
	 */
	@FunctionalInterface
	interface Closer {

		void closeQuietly();

	}

	/**
	 * The guarded input of a layer, recognised by the TLS socket factory.
	 */
	final class Input extends InputStream {

		private final InputStream in;

		private Input(InputStream in) {
			this.in = in;
		}

		GuardedStreams guard() {
			return GuardedStreams.this;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read <= 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			checkViolation();
			if (length == 0) {
				return 0;
			}
			int read;
			try {
				GuardedStreams.this.timeoutSetter.set(GuardedStreams.this.deadline.remainingMillis());
				read = this.in.read(bytes, offset, length);
			}
			catch (ReplyTimeoutException ex) {
				throw violated(ex);
			}
			catch (SocketTimeoutException ex) {
				ReplyTimeoutException timeout = GuardedStreams.this.deadline.expired();
				timeout.initCause(ex);
				throw violated(timeout);
			}
			ReplyBounds bounds = GuardedStreams.this.bounds;
			if (read > 0 && bounds != null) {
				try {
					bounds.accept(bytes, offset, read);
				}
				catch (ReplyLimitExceededException ex) {
					throw violated(ex);
				}
			}
			return read;
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

	private final class Output extends FilterOutputStream {

		private Output(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			checkViolation();
			ByteArrayOutputStream held = GuardedStreams.this.held;
			if (held != null) {
				held.write(b);
				return;
			}
			GuardedStreams.this.deadline.replyEnded();
			this.out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			ByteArrayOutputStream held = GuardedStreams.this.held;
			if (held != null) {
				checkViolation();
				held.write(bytes, offset, length);
				return;
			}
			writeThrough(bytes, offset, length);
		}

		private void writeThrough(byte[] bytes, int offset, int length) throws IOException {
			checkViolation();
			GuardedStreams.this.deadline.replyEnded();
			this.out.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			if (GuardedStreams.this.held == null) {
				this.out.flush();
			}
		}

	}

}
