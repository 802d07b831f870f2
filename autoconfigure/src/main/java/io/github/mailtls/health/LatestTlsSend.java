package io.github.mailtls.health;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Remembers the TLS record of the most recent real send for the health details.
 *
 * @author mail-tls
 */
public class LatestTlsSend implements TlsSendListener {

	private final AtomicReference<@Nullable TlsSendRecord> latest = new AtomicReference<>();

	@Override
	public void onSend(TlsSendRecord record) {
		this.latest.set(record);
	}

	/**
	 * Return the record of the most recent send.
	 * @return the record or {@code null} if nothing was sent yet
	 */
	public @Nullable TlsSendRecord get() {
		return this.latest.get();
	}

}
