package io.github.mailtls.sender;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.smtp.ConnectionFacts;
import io.github.mailtls.tls.TlsHandshake;

/**
 * Builds the record of one connection use from the connection's fixed facts and the facts
 * of that use.
 *
 * @author mail-tls
 */
final class UseRecords {

	private UseRecords() {
	}

	static TlsSendRecord of(ConnectionFacts connection, boolean reused, boolean requireTlsUsed, SendOutcome outcome,
			@Nullable RefusalReason reason, int messageCount, Instant started, long startedNanos) {
		TlsHandshake handshake = connection.handshake();
		return new TlsSendRecord(started, connection.host(), connection.port(), connection.security(),
				(handshake != null) ? handshake.protocol() : null, (handshake != null) ? handshake.cipherSuite() : null,
				handshake != null && handshake.certificate() != null,
				(handshake != null) ? handshake.certificate() : null, connection.startTlsAdvertised(), requireTlsUsed,
				reused, handshake != null && handshake.resumed(), outcome, reason, messageCount,
				Duration.ofNanos(System.nanoTime() - startedNanos));
	}

}
