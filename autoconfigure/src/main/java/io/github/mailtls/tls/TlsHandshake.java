package io.github.mailtls.tls;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.CertificateSummary;

/**
 * What one connection's TLS handshake negotiated, verified against the policy. Made once
 * per connection by {@link HandshakeVerifier}; never changes afterwards, however many
 * sends use the connection.
 *
 * @param protocol the negotiated protocol, for example {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param certificate the server certificate, {@code null} if the server sent none
 * @param resumed whether the handshake resumed an earlier session instead of verifying
 * the certificate chain again
 * @author mail-tls
 */
public record TlsHandshake(String protocol, String cipherSuite, @Nullable CertificateSummary certificate,
		boolean resumed) {

}
