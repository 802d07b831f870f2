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
package io.github.mailtls.sample.messages;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.mailtls.record.TlsSendRecord;

/**
 * Sends the posted message through the auto-configured, TLS-enforcing sender and answers
 * with the TLS that the send negotiated.
 */
@RestController
class MessageController {

	private final MailSender mailSender;

	private final SendReceipts receipts;

	private final String from;

	MessageController(MailSender mailSender, SendReceipts receipts, @Value("${sample.mail.from}") String from) {
		this.mailSender = mailSender;
		this.receipts = receipts;
		this.from = from;
	}

	@PostMapping("/messages")
	SentMessage send(@Validated @RequestBody MessageRequest request) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(request.to());
		message.setSubject(request.subject());
		message.setText(request.text());
		TlsSendRecord tlsRecord;
		try {
			this.mailSender.send(message);
		}
		finally {
			// Taken on failure too, so that a later request on this thread cannot see it.
			tlsRecord = this.receipts.take();
		}
		return new SentMessage("sent", Tls.of(tlsRecord));
	}

	/**
	 * The answer to a successful send.
	 *
	 * @param status always {@code sent}
	 * @param tls what the connection negotiated, {@code null} if the sender reported
	 * nothing
	 */
	record SentMessage(String status, @Nullable Tls tls) {

	}

	/**
	 * The TLS facts of a send.
	 *
	 * @param mode how the connection was protected: implicit, starttls or none
	 * @param protocol the TLS protocol, {@code null} without TLS
	 * @param cipherSuite the cipher suite, {@code null} without TLS
	 * @param peerCertificateVerified whether the server certificate was verified
	 */
	record Tls(String mode, @Nullable String protocol, @Nullable String cipherSuite, boolean peerCertificateVerified) {

		static @Nullable Tls of(@Nullable TlsSendRecord record) {
			return (record != null) ? new Tls(record.security().value(), record.protocol(), record.cipherSuite(),
					record.peerCertificateVerified()) : null;
		}

	}

}
