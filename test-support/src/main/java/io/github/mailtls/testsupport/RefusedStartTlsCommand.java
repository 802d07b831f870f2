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

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Answers {@code STARTTLS} with a temporary failure, as a server whose TLS setup is
 * broken does.
 */
final class RefusedStartTlsCommand extends BaseCommand {

	static final String REPLY = "454 4.7.0 TLS not available";

	RefusedStartTlsCommand() {
		super("STARTTLS", "The starttls command");
	}

	@Override
	public void execute(String commandString, Session session) throws IOException {
		session.sendResponse(REPLY);
	}

}
