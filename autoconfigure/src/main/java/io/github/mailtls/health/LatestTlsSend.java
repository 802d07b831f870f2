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
package io.github.mailtls.health;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Remembers the TLS record of the most recent real send for the health details.
 *
 * @since 0.1.0
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
