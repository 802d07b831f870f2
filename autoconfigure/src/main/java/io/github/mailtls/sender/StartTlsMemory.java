package io.github.mailtls.sender;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per {@code host:port}, the servers that advertised STARTTLS, so that a later
 * session without the advertisement is recognised as a possible downgrade (STRIPTLS)
 * instead of an ordinary server without TLS. Held in memory for the life of the sender.
 *
 * @author mail-tls
 */
final class StartTlsMemory {

	private final Set<String> offeredStartTls = ConcurrentHashMap.newKeySet();

	void rememberOffered(String location) {
		this.offeredStartTls.add(location);
	}

	boolean offeredBefore(String location) {
		return this.offeredStartTls.contains(location);
	}

}
