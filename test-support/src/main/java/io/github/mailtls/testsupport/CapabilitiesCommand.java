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
import java.util.ArrayList;
import java.util.List;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Answers {@code EHLO} like SubEthaSMTP does, but hides {@code STARTTLS} once TLS is
 * active, applies {@link AuthVisibility} and adds extra keywords.
 */
final class CapabilitiesCommand extends BaseCommand {

	private final List<String> extensions;

	private final List<String> plaintextOnlyExtensions;

	private final boolean rejectAfterTls;

	private final AuthVisibility authVisibility;

	CapabilitiesCommand(List<String> extensions, List<String> plaintextOnlyExtensions, boolean rejectAfterTls,
			AuthVisibility authVisibility) {
		super("EHLO", "Introduce yourself.", "<hostname>");
		this.extensions = List.copyOf(extensions);
		this.plaintextOnlyExtensions = List.copyOf(plaintextOnlyExtensions);
		this.rejectAfterTls = rejectAfterTls;
		this.authVisibility = authVisibility;
	}

	@Override
	public void execute(String commandString, Session session) throws IOException {
		String[] args = getArgs(commandString);
		if (args.length < 2) {
			session.sendResponse("501 Syntax: EHLO hostname");
			return;
		}
		if (this.rejectAfterTls && session.isTLSStarted()) {
			session.sendResponse("554 5.5.0 EHLO refused");
			return;
		}
		session.resetMailTransaction();
		session.setHelo(args[1]);
		List<String> lines = new ArrayList<>();
		lines.add(session.getServer().getHostName());
		lines.add("8BITMIME");
		if (session.getServer().getMaxMessageSize() > 0) {
			lines.add("SIZE " + session.getServer().getMaxMessageSize());
		}
		// RFC 3207: STARTTLS must not be offered again once TLS is active.
		if (AuthVisibility.offersStartTls(session.getServer()) && !session.isTLSStarted()) {
			lines.add("STARTTLS");
		}
		lines.add("CHUNKING");
		lines.add("SMTPUTF8");
		if (this.authVisibility.isVisible(session)) {
			lines.add("AUTH " + String.join(" ",
					session.getServer().getAuthenticationHandlerFactory().get().getAuthenticationMechanisms()));
		}
		lines.addAll(this.extensions);
		if (!session.isTLSStarted()) {
			lines.addAll(this.plaintextOnlyExtensions);
		}
		session.sendResponse(reply(lines));
	}

	private static String reply(List<String> lines) {
		StringBuilder reply = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			reply.append((i > 0) ? "\r\n" : "").append((i < lines.size() - 1) ? "250-" : "250 ").append(lines.get(i));
		}
		return reply.toString();
	}

}
