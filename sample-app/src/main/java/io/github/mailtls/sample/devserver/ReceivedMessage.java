package io.github.mailtls.sample.devserver;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message that the development SMTP server accepted, with the TLS of the connection it
 * arrived on as the server saw it.
 *
 * @param receivedAt when the message arrived
 * @param from the envelope sender
 * @param to the envelope recipients
 * @param subject the subject header, {@code null} if absent
 * @param text the plain text content, {@code null} if the message has none
 * @param tlsProtocol the TLS protocol of the connection, {@code null} without TLS
 * @param cipherSuite the cipher suite of the connection, {@code null} without TLS
 * @author mail-tls
 */
record ReceivedMessage(Instant receivedAt, String from, List<String> to, @Nullable String subject,
		@Nullable String text, @Nullable String tlsProtocol, @Nullable String cipherSuite) {

	ReceivedMessage {
		to = List.copyOf(to);
	}

}
