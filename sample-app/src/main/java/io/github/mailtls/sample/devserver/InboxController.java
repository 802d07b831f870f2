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
 *
 * @author mail-tls
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
