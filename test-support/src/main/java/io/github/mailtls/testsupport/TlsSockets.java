package io.github.mailtls.testsupport;

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.subethamail.smtp.server.SSLSocketCreator;
import org.subethamail.smtp.server.ServerSocketCreator;

/**
 * Creates the server-side TLS sockets of a {@link SmtpTestServer}, limited to the chosen
 * protocols.
 *
 * @author mail-tls
 */
final class TlsSockets {

	private TlsSockets() {
	}

	static SSLSocketCreator startTls(SSLContext sslContext, List<String> protocols) {
		return (socket) -> {
			// The address literal avoids the reverse lookup that getHostName() would do.
			SSLSocket tlsSocket = (SSLSocket) sslContext.getSocketFactory()
				.createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
			tlsSocket.setUseClientMode(false);
			if (!protocols.isEmpty()) {
				tlsSocket.setEnabledProtocols(protocols.toArray(String[]::new));
			}
			return tlsSocket;
		};
	}

	static ServerSocketCreator implicit(SSLContext sslContext, List<String> protocols) {
		return () -> {
			SSLServerSocket serverSocket = (SSLServerSocket) sslContext.getServerSocketFactory().createServerSocket();
			if (!protocols.isEmpty()) {
				serverSocket.setEnabledProtocols(protocols.toArray(String[]::new));
			}
			return serverSocket;
		};
	}

}
