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
package io.github.mailtls.benchmarks;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.email.EmailBuilder;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The same message for every contender: sender, one recipient, subject, a short text and
 * an optional attachment.
 */
final class BenchmarkMessages {

	static final String FROM = "benchmark@example.org";

	static final String ATTACHMENT_NAME = "data.txt";

	private BenchmarkMessages() {
	}

	static String subject(int number) {
		return "benchmark " + number;
	}

	static String text(int number) {
		return "Message " + number + " of the mail-tls benchmark.";
	}

	static void prepare(MimeMessage message, String recipient, int number, byte[] attachment)
			throws MessagingException {
		boolean multipart = attachment.length > 0;
		MimeMessageHelper helper = new MimeMessageHelper(message, multipart);
		helper.setFrom(FROM);
		helper.setTo(recipient);
		helper.setSubject(subject(number));
		helper.setText(text(number));
		if (multipart) {
			helper.addAttachment(ATTACHMENT_NAME, new ByteArrayResource(attachment), "text/plain");
		}
	}

	static Email email(String recipient, int number, byte[] attachment) {
		var builder = EmailBuilder.startingBlank()
			.from(FROM)
			.to(recipient)
			.withSubject(subject(number))
			.withPlainText(text(number));
		if (attachment.length > 0) {
			builder.withAttachment(ATTACHMENT_NAME, attachment, "text/plain");
		}
		return builder.buildEmail();
	}

}
