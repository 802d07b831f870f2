/*
 * Copyright 2025-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.mailtls.sample.messages;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Hands the TLS record of a send to the request that made it.
 */
class SendReceipts implements TlsSendListener {

	// Listeners are called on the sending thread, which tells concurrent requests apart.
	private final ThreadLocal<TlsSendRecord> current = new ThreadLocal<>();

	@Override
	public void onSend(TlsSendRecord record) {
		this.current.set(record);
	}

	/**
	 * Return and forget the record of the last send made on this thread.
	 * @return the record or {@code null} if none was made since the last call
	 */
	@Nullable TlsSendRecord take() {
		TlsSendRecord record = this.current.get();
		this.current.remove();
		return record;
	}

}
