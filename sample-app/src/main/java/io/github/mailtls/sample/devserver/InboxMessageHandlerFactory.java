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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;

/**
 * Accepts every message and puts it in the {@link Inbox} with the TLS session it arrived
 * over.
 */
final class InboxMessageHandlerFactory implements MessageHandlerFactory {

	private static final Session session = Session.getInstance(new Properties());

	private final Inbox inbox;

	InboxMessageHandlerFactory(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public MessageHandler create(MessageContext context) {
		return new InboxMessageHandler(context);
	}

	private static @Nullable SSLSession tlsSession(MessageContext context) {
		// After STARTTLS the session's socket has been replaced by the TLS socket.
		if (context instanceof org.subethamail.smtp.server.Session smtpSession
				&& smtpSession.getSocket() instanceof SSLSocket socket) {
			return socket.getSession();
		}
		return null;
	}

	private final class InboxMessageHandler implements MessageHandler {

		private final MessageContext context;

		private String from = "";

		private final List<String> recipients = new ArrayList<>();

		InboxMessageHandler(MessageContext context) {
			this.context = context;
		}

		@Override
		public void from(String from) {
			this.from = from;
		}

		@Override
		public void recipient(String recipient) {
			this.recipients.add(recipient);
		}

		@Override
		public @Nullable String data(InputStream data) throws IOException {
			SSLSession tls = tlsSession(this.context);
			try {
				MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(data.readAllBytes()));
				Object content = message.getContent();
				InboxMessageHandlerFactory.this.inbox.add(new ReceivedMessage(Instant.now(), this.from, this.recipients,
						message.getSubject(), (content instanceof String text) ? text : null,
						(tls != null) ? tls.getProtocol() : null, (tls != null) ? tls.getCipherSuite() : null));
			}
			catch (MessagingException ex) {
				throw new IOException("Cannot parse message", ex);
			}
			return null;
		}

		@Override
		public void done() {
		}

	}

}
