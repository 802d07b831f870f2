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
package io.github.mailtls.sample.devserver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent messages that the development SMTP server accepted, kept in memory.
 */
final class Inbox {

	private final int capacity;

	private final Deque<ReceivedMessage> messages = new ArrayDeque<>();

	Inbox(int capacity) {
		this.capacity = capacity;
	}

	synchronized void add(ReceivedMessage message) {
		if (this.messages.size() == this.capacity) {
			this.messages.removeLast();
		}
		this.messages.addFirst(message);
	}

	/**
	 * Return the kept messages, newest first.
	 * @return the messages
	 */
	synchronized List<ReceivedMessage> newestFirst() {
		return List.copyOf(this.messages);
	}

}
