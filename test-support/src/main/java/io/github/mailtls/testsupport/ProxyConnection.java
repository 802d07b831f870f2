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
package io.github.mailtls.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection of a {@link StripTlsProxy} and its connection to the target.
 */
final class ProxyConnection {

	private static final int CONNECT_TIMEOUT_MILLIS = 5000;

	private final Socket client;

	private final Socket server = new Socket();

	private final AtomicInteger openDirections = new AtomicInteger(2);

	ProxyConnection(Socket client) {
		this.client = client;
	}

	void connect(InetSocketAddress target) throws IOException {
		this.server.connect(target, CONNECT_TIMEOUT_MILLIS);
	}

	void relayFromClient(ByteArrayOutputStream record) {
		relay(this.client, this.server, RelayFilter.NONE, record);
	}

	void relayFromServer(RelayFilter filter, ByteArrayOutputStream record) {
		relay(this.server, this.client, filter, record);
	}

	void close() {
		closeQuietly(this.client);
		closeQuietly(this.server);
	}

	private void relay(Socket from, Socket to, RelayFilter filter, ByteArrayOutputStream record) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				forward(filter.apply(Arrays.copyOf(buffer, read)), out, record);
			}
			forward(filter.finish(), out, record);
			// Pass the half-close on: the other side may still answer, as after QUIT.
			to.shutdownOutput();
			if (this.openDirections.decrementAndGet() == 0) {
				close();
			}
		}
		catch (IOException ex) {
			// A reset or a close of either side ends the whole connection.
			close();
		}
	}

	private static void forward(byte[] bytes, OutputStream out, ByteArrayOutputStream record) throws IOException {
		if (bytes.length > 0) {
			record.writeBytes(bytes);
			out.write(bytes);
			out.flush();
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to release.
		}
	}

}
