package io.github.mailtls.health;

import io.github.mailtls.sender.TlsProbeResult;

/**
 * Receives the result of every probe connection that the {@code mail} health indicator
 * opens, but not the cached answers in between.
 *
 * @author mail-tls
 */
@FunctionalInterface
public interface TlsProbeListener {

	/**
	 * Called after each probe connection.
	 * @param result what the probe negotiated, or why it failed
	 */
	void onProbe(TlsProbeResult result);

}
