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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StartTlsStripper}.
 */
class StartTlsStripperTests {

	private final StartTlsStripper stripper = new StartTlsStripper();

	@Test
	void applyWhenStartTlsInMiddleOfEhloReplyShouldRemoveLine() {
		assertThat(apply("250-mx.example.org\r\n250-8BITMIME\r\n250-STARTTLS\r\n250-AUTH PLAIN\r\n250 SMTPUTF8\r\n"))
			.isEqualTo("250-mx.example.org\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 SMTPUTF8\r\n");
	}

	@Test
	void applyWhenStartTlsIsLastLineShouldEndReplyOnPreviousLine() {
		assertThat(apply("250-mx.example.org\r\n250-PIPELINING\r\n250 STARTTLS\r\n"))
			.isEqualTo("250-mx.example.org\r\n250 PIPELINING\r\n");
	}

	@Test
	void applyWhenStartTlsIsOnlyKeywordShouldLeaveDomainLine() {
		assertThat(apply("250-mx.example.org\r\n250 starttls \r\n")).isEqualTo("250 mx.example.org\r\n");
	}

	@Test
	void applyWhenReplyIsNotMultiLine250ShouldForwardUnchanged() {
		String replies = "220 mx.example.org ESMTP\r\n250 STARTTLS\r\n"
				+ "500-STARTTLS\r\n500 STARTTLS\r\n250-mx\r\n250-STARTTLSX\r\n250 OK\r\n";
		assertThat(apply(replies)).isEqualTo(replies);
	}

	@Test
	void applyWhenReplyArrivesInPiecesShouldHoldBackUntilReplyIsComplete() {
		assertThat(apply("250-mx.example.org\r\n250-STA")).isEmpty();
		assertThat(apply("RTTLS\r\n")).isEmpty();
		assertThat(apply("250 8BITMIME\r\n220 Ready")).isEqualTo("250-mx.example.org\r\n250 8BITMIME\r\n");
		assertThat(apply("\r\n")).isEqualTo("220 Ready\r\n");
	}

	@Test
	void applyWhenLineStartsWithNonDigitShouldPassEverythingThrough() {
		byte[] tlsRecord = { 0x16, 0x03, 0x03, 0x00, 0x7a, 0x02, '\n', '2', '5', '0', '-' };
		ByteArrayOutputStream forwarded = new ByteArrayOutputStream();
		forwarded.writeBytes(this.stripper.apply("220 Ready to start TLS\r\n".getBytes(StandardCharsets.US_ASCII)));
		forwarded.writeBytes(this.stripper.apply(tlsRecord));
		forwarded.writeBytes(this.stripper.apply("250 STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII)));
		assertThat(forwarded.toString(StandardCharsets.ISO_8859_1)).isEqualTo(
				"220 Ready to start TLS\r\n" + new String(tlsRecord, StandardCharsets.ISO_8859_1) + "250 STARTTLS\r\n");
	}

	@Test
	void finishShouldForwardHeldBackBytes() {
		assertThat(apply("250-mx.example.org\r\n250-STARTTLS\r\n25")).isEmpty();
		assertThat(new String(this.stripper.finish(), StandardCharsets.ISO_8859_1))
			.isEqualTo("250-mx.example.org\r\n250-STARTTLS\r\n25");
	}

	private String apply(String text) {
		return new String(this.stripper.apply(text.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
	}

}
