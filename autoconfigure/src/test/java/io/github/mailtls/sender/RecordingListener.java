package io.github.mailtls.sender;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Keeps every record it receives.
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
		return this.records;
	}

	TlsSendRecord single() {
		assert this.records.size() == 1 : "expected one record but got " + this.records;
		return this.records.get(0);
	}

}
