package io.github.mailtls.smtp;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.tls.TlsHandshake;

/**
 * What one SMTP connection established: fixed once the connection is open, shared by
 * every send that uses it.
 *
 * @param host the server host
 * @param port the server port
 * @param security how the connection is protected; while a connection is refused, the
 * protection the policy demanded
 * @param startTlsAdvertised whether the server advertised STARTTLS in plaintext
 * @param handshake the verified TLS handshake, {@code null} without TLS
 * @author mail-tls
 */
public record ConnectionFacts(String host, int port, TransportSecurity security, boolean startTlsAdvertised,
		@Nullable TlsHandshake handshake) {

}
