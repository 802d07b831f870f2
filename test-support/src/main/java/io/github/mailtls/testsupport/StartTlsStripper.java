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
package io.github.mailtls.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the {@code STARTTLS} keyword from multi-line {@code 250} SMTP replies and
 * forwards everything else unchanged.
 */
final class StartTlsStripper implements RelayFilter {

	// Replies are short; a longer line is not SMTP and is forwarded untouched.
	private static final int MAX_LINE_LENGTH = 4096;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private final List<byte[]> reply = new ArrayList<>();

	private boolean passthrough;

	@Override
	public byte[] apply(byte[] bytes) {
		ByteArrayOutputStream forward = new ByteArrayOutputStream();
		for (int i = 0; i < bytes.length; i++) {
			if (this.passthrough) {
				forward.write(bytes, i, bytes.length - i);
				break;
			}
			accept(bytes[i], forward);
		}
		return forward.toByteArray();
	}

	@Override
	public byte[] finish() {
		ByteArrayOutputStream forward = new ByteArrayOutputStream();
		startPassthrough(forward);
		return forward.toByteArray();
	}

	private void accept(byte b, ByteArrayOutputStream forward) {
		// A reply line starts with a digit. Anything else, such as a TLS record after
		// "220 Ready to start TLS", is not SMTP text and must not wait for a line end.
		if (this.line.size() == 0 && (b < '0' || b > '9')) {
			startPassthrough(forward);
			forward.write(b);
			return;
		}
		this.line.write(b);
		if (b == '\n') {
			completeLine(this.line.toByteArray(), forward);
			this.line.reset();
		}
		else if (this.line.size() > MAX_LINE_LENGTH) {
			startPassthrough(forward);
		}
	}

	private void completeLine(byte[] completed, ByteArrayOutputStream forward) {
		this.reply.add(completed);
		if (!isContinuation(completed)) {
			withoutStartTls(this.reply).forEach(forward::writeBytes);
			this.reply.clear();
		}
	}

	private void startPassthrough(ByteArrayOutputStream forward) {
		this.passthrough = true;
		this.reply.forEach(forward::writeBytes);
		this.reply.clear();
		forward.writeBytes(this.line.toByteArray());
		this.line.reset();
	}

	private static List<byte[]> withoutStartTls(List<byte[]> lines) {
		if (lines.size() < 2 || !text(lines.get(0)).startsWith("250")) {
			return lines;
		}
		// The first line of an EHLO reply is the server's domain, never a keyword.
		List<byte[]> kept = new ArrayList<>();
		kept.add(lines.get(0));
		for (byte[] line : lines.subList(1, lines.size())) {
			if (!keyword(line).equalsIgnoreCase("STARTTLS")) {
				kept.add(line);
			}
		}
		// When the final "250 STARTTLS" went, the line before it now ends the reply.
		byte[] last = kept.get(kept.size() - 1);
		if (isContinuation(last)) {
			last = last.clone();
			last[3] = ' ';
			kept.set(kept.size() - 1, last);
		}
		return kept;
	}

	private static boolean isContinuation(byte[] line) {
		return line.length > 3 && line[3] == '-';
	}

	private static String keyword(byte[] line) {
		return (line.length > 4) ? text(line).substring(4).trim() : "";
	}

	private static String text(byte[] line) {
		return new String(line, StandardCharsets.ISO_8859_1);
	}

}
