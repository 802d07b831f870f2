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
package io.github.mailtls.tls;

import io.github.mailtls.tls.ReplyLimitExceededException.Limit;

/**
 * Follows the SMTP reply lines in the bytes a client reads and enforces the size bounds
 * of each reply. A reply ends with a line whose fourth character is not {@code -}.
 */
final class ReplyBounds {

	private final ReplyDeadline deadline;

	private int lineOctets;

	private byte fourthOctet;

	private int lines;

	private int replyOctets;

	ReplyBounds(ReplyDeadline deadline) {
		this.deadline = deadline;
	}

	void accept(byte[] bytes, int offset, int length) throws ReplyLimitExceededException {
		for (int i = offset; i < offset + length; i++) {
			accept(bytes[i]);
		}
	}

	private void accept(byte octet) throws ReplyLimitExceededException {
		if (++this.replyOctets > Limit.REPLY_SIZE.value()) {
			throw exceeded(Limit.REPLY_SIZE);
		}
		if (++this.lineOctets > Limit.LINE_LENGTH.value()) {
			throw exceeded(Limit.LINE_LENGTH);
		}
		if (this.lineOctets == 4) {
			this.fourthOctet = octet;
		}
		if (octet != '\n') {
			return;
		}
		// The fourth octet is text only when the line holds more than "NNN" and its end.
		boolean continued = this.lineOctets > 4 && this.fourthOctet == '-';
		this.lineOctets = 0;
		if (!continued) {
			this.lines = 0;
			this.replyOctets = 0;
			this.deadline.replyEnded();
		}
		else if (++this.lines >= Limit.LINE_COUNT.value()) {
			throw exceeded(Limit.LINE_COUNT);
		}
	}

	private ReplyLimitExceededException exceeded(Limit limit) {
		return new ReplyLimitExceededException(limit, this.deadline.location());
	}

}
