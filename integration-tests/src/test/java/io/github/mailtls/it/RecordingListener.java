package io.github.mailtls.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps every TLS record the sender reports, so tests can compare them with Postfix's
 * log.
 *
 * @author mail-tls
 */
class RecordingListener implements TlsSendListener {

	private final List<TlsSendRecord> records = new CopyOnWriteArrayList<>();

	@Override
	public void onSend(TlsSendRecord record) {
		this.records.add(record);
	}

	List<TlsSendRecord> records() {
		return List.copyOf(this.records);
	}

	TlsSendRecord single() {
		assertThat(this.records).as("TLS send records").hasSize(1);
		return this.records.get(0);
	}

}
