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

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * Accepts every message and hands it on as a {@link ReceivedMessage}.
 */
final class RecordingMessageHandlerFactory implements MessageHandlerFactory {

	private final Consumer<ReceivedMessage> messages;

	private final Set<String> rejectedAddresses;

	RecordingMessageHandlerFactory(Consumer<ReceivedMessage> messages) {
		this(messages, Set.of());
	}

	RecordingMessageHandlerFactory(Consumer<ReceivedMessage> messages, Set<String> rejectedAddresses) {
		this.messages = messages;
		this.rejectedAddresses = Set.copyOf(rejectedAddresses);
	}

	@Override
	public MessageHandler create(MessageContext context) {
		return new RecordingMessageHandler(context);
	}

	private static @Nullable SSLSession tlsSession(MessageContext context) {
		if (context instanceof Session session && session.getSocket() instanceof SSLSocket socket) {
			return socket.getSession();
		}
		return null;
	}

	private final class RecordingMessageHandler implements MessageHandler {

		private final MessageContext context;

		private String from = "";

		private final List<String> recipients = new ArrayList<>();

		RecordingMessageHandler(MessageContext context) {
			this.context = context;
		}

		@Override
		public void from(String from) throws RejectException {
			if (RecordingMessageHandlerFactory.this.rejectedAddresses.contains(from)) {
				throw new RejectException(553, "5.7.1 Sender address rejected");
			}
			this.from = from;
		}

		@Override
		public void recipient(String recipient) throws RejectException {
			if (RecordingMessageHandlerFactory.this.rejectedAddresses.contains(recipient)) {
				throw new RejectException(550, "5.1.1 Recipient address rejected");
			}
			this.recipients.add(recipient);
		}

		@Override
		public @Nullable String data(InputStream data) throws IOException {
			byte[] content = data.readAllBytes();
			// After implicit TLS or STARTTLS the session's socket is an SSLSocket.
			SSLSession tls = tlsSession(this.context);
			RecordingMessageHandlerFactory.this.messages
				.accept(new ReceivedMessage(this.from, this.recipients, content, tls != null,
						(tls != null) ? tls.getProtocol() : null, (tls != null) ? tls.getCipherSuite() : null));
			return null;
		}

		@Override
		public void done() {
		}

	}

}
