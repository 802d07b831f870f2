package io.github.mailtls.tls;

import java.io.IOException;

/**
 * Thrown when an SMTP server's reply exceeds a size bound: a line longer than RFC 5321
 * allows, too many lines or too many octets. The connection has been closed when this is
 * thrown, so nothing more is sent over it.
 *
 * @author mail-tls
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
