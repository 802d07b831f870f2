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

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lists what the development SMTP server received, so that a send can be followed to the
 * other end of the connection.
 */
@RestController
class InboxController {

	private final ObjectProvider<Inbox> inbox;

	InboxController(ObjectProvider<Inbox> inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	List<ReceivedMessage> inbox() {
		Inbox inbox = this.inbox.getIfAvailable();
		if (inbox == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The development SMTP server is disabled "
					+ "(sample.dev-smtp.enabled=false): mail goes to spring.mail.host");
		}
		return inbox.newestFirst();
	}

}
