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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

import org.jspecify.annotations.Nullable;

/**
 * The TCP socket an SMTP session starts on, whose streams bound each reply and give it
 * the read timeout as a whole. Once TLS is layered over it, it only applies the deadline
 * to the TLS records and the TLS socket bounds the replies.
 */
final class GuardedPlainSocket extends Socket {

	private final ReplyDeadline deadline = new ReplyDeadline("an SMTP server", 0);

	private final GuardedStreams streams = new GuardedStreams(this.deadline, this::applyTimeout, this::closeQuietly,
			true);

	private @Nullable InputStream input;

	private @Nullable OutputStream output;

	@Override
	public void connect(SocketAddress endpoint, int timeout) throws IOException {
		if (endpoint instanceof InetSocketAddress address) {
			this.deadline.location(address.getHostString() + ":" + address.getPort());
		}
		super.connect(endpoint, timeout);
	}

	@Override
	public synchronized void setSoTimeout(int timeout) throws SocketException {
		this.deadline.timeout(timeout);
		super.setSoTimeout(timeout);
	}

	// Reads set the socket's timeout to what is left of the reply's; callers see the
	// configured read timeout.
	@Override
	public synchronized int getSoTimeout() {
		return this.deadline.timeout();
	}

	@Override
	public synchronized InputStream getInputStream() throws IOException {
		if (this.input == null) {
			this.input = this.streams.input(super.getInputStream());
		}
		return this.input;
	}

	@Override
	public synchronized OutputStream getOutputStream() throws IOException {
		if (this.output == null) {
			this.output = this.streams.output(super.getOutputStream());
		}
		return this.output;
	}

	private void applyTimeout(int timeoutMillis) throws SocketException {
		super.setSoTimeout(timeoutMillis);
	}

	private void closeQuietly() {
		try {
			close();
		}
		catch (IOException ex) {
			// Closing is the point; a failure leaves nothing to do.
		}
	}

}
