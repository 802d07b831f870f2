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

import java.io.IOException;

/**
 * Thrown when an SMTP server's reply exceeds a size bound: a line longer than RFC 5321
 * allows, too many lines or too many octets. The connection has been closed when this is
 * thrown, so nothing more is sent over it.
 *
 * @since 0.1.0
 */
public final class ReplyLimitExceededException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Limit limit;

	ReplyLimitExceededException(Limit limit, String location) {
		super(limit.describe(location));
		this.limit = limit;
	}

	/**
	 * Return the bound that the reply exceeded.
	 * @return the bound
	 */
	public Limit limit() {
		return this.limit;
	}

	/**
	 * The size bounds of one SMTP reply.
	 */
	public enum Limit {

		/**
		 * At most 512 octets per reply line, CRLF included (RFC 5321 section 4.5.3.1.5).
		 */
		LINE_LENGTH(512, "a reply line longer than %d octets (RFC 5321 section 4.5.3.1.5)"),

		/**
		 * At most 100 lines per reply; a real EHLO reply has a few dozen at most.
		 */
		LINE_COUNT(100, "a reply of more than %d lines"),

		/**
		 * At most 64 KiB per reply.
		 */
		REPLY_SIZE(64 * 1024, "a reply of more than %d octets");

		private final int value;

		private final String text;

		Limit(int value, String text) {
			this.value = value;
			this.text = text;
		}

		/**
		 * Return the bound.
		 * @return the largest allowed number of octets or lines
		 */
		public int value() {
			return this.value;
		}

		private String describe(String location) {
			return ("The SMTP server at %s sent " + this.text
					+ "; the connection was closed and nothing more was sent. "
					+ "A server (or someone on the path) that sends this is broken or hostile.")
				.formatted(location, this.value);
		}

	}

}
