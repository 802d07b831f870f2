package io.github.mailtls.sample.devserver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent messages that the development SMTP server accepted, kept in memory.
 *
 * @author mail-tls
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
