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
 *
 * @author mail-tls
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
