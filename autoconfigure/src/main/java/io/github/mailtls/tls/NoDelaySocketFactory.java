package io.github.mailtls.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Creates the plain TCP sockets that STARTTLS sessions start on, with Nagle's algorithm
 * off: SMTP writes small commands and waits for each reply, so delaying a write until the
 * previous one is acknowledged only adds latency. The sockets bound every reply the
 * server sends ({@link BoundedReplySockets}).
 *
 * @author mail-tls
 */
public final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws IOException {
		// Angus creates every plaintext session's socket this way; its replies are
		// bounded from the greeting on.
		return noDelay(BoundedReplySockets.plain());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		HandshakeCapture capture = HandshakeCapture.current();
		if (capture != null) {
			capture.socketCreated(socket);
		}
		return socket;
	}

}
