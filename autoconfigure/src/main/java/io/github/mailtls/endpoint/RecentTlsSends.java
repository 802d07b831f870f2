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
package io.github.mailtls.endpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.util.Assert;

import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Keeps the TLS records of the most recent sends in a bounded buffer that drops the
 * oldest.
 *
 * @since 0.1.0
 */
public class RecentTlsSends implements TlsSendListener {

	private final int capacity;

	private final Deque<TlsSendRecord> records;

	/**
	 * Create a buffer for the given number of records.
	 * @param capacity how many records to keep, zero to keep none
	 */
	public RecentTlsSends(int capacity) {
		Assert.isTrue(capacity >= 0, "'capacity' must not be negative");
		this.capacity = capacity;
		this.records = new ArrayDeque<>(capacity);
	}

	@Override
	public void onSend(TlsSendRecord record) {
		if (this.capacity == 0) {
			return;
		}
		synchronized (this.records) {
			if (this.records.size() == this.capacity) {
				this.records.removeLast();
			}
			this.records.addFirst(record);
		}
	}

	/**
	 * Return the kept records, newest first.
	 * @return the records
	 */
	public List<TlsSendRecord> newestFirst() {
		synchronized (this.records) {
			return List.copyOf(this.records);
		}
	}

	/**
	 * Return how many records are kept at most.
	 * @return the capacity
	 */
	public int getCapacity() {
		return this.capacity;
	}

}
