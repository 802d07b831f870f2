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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message accepted by a {@link SmtpTestServer}, with the TLS state of the connection it
 * arrived on.
 *
 * @param envelopeFrom the address of the {@code MAIL FROM} command
 * @param recipients the addresses of the accepted {@code RCPT TO} commands
 * @param data the message content as received after {@code DATA}
 * @param overTls whether the connection was protected by TLS when the data arrived
 * @param tlsProtocol the negotiated TLS protocol, or {@code null} without TLS
 * @param tlsCipherSuite the negotiated cipher suite, or {@code null} without TLS
 * @since 0.1.0
 */
public record ReceivedMessage(String envelopeFrom, List<String> recipients, byte[] data, boolean overTls,
		@Nullable String tlsProtocol, @Nullable String tlsCipherSuite) {

	public ReceivedMessage {
		recipients = List.copyOf(recipients);
		data = data.clone();
	}

	@Override
	public byte[] data() {
		return this.data.clone();
	}

	/**
	 * Return the message content decoded as UTF-8.
	 * @return the content
	 */
	public String dataAsString() {
		return new String(this.data, StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj instanceof ReceivedMessage other) && this.envelopeFrom.equals(other.envelopeFrom)
				&& this.recipients.equals(other.recipients) && Arrays.equals(this.data, other.data)
				&& this.overTls == other.overTls && Objects.equals(this.tlsProtocol, other.tlsProtocol)
				&& Objects.equals(this.tlsCipherSuite, other.tlsCipherSuite);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.envelopeFrom, this.recipients, Arrays.hashCode(this.data), this.overTls,
				this.tlsProtocol, this.tlsCipherSuite);
	}

	@Override
	public String toString() {
		return "ReceivedMessage[envelopeFrom=" + this.envelopeFrom + ", recipients=" + this.recipients + ", data="
				+ this.data.length + " bytes, overTls=" + this.overTls + ", tlsProtocol=" + this.tlsProtocol
				+ ", tlsCipherSuite=" + this.tlsCipherSuite + "]";
	}

}
