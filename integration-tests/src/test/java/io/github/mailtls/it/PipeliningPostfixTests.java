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
package io.github.mailtls.it;

import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.it.PostfixContainer.LogMark;
import io.github.mailtls.it.PostfixContainer.SmtpSession;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.ProxiedCommand;

import static io.github.mailtls.it.PostfixContainer.STARTTLS_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Pipelined sends (RFC 2920) to a real MTA: MAIL FROM, both RCPT TO and DATA leave in one
 * flight under TLS (seen by a TLS-terminating proxy in the middle), Postfix rejects one
 * of the two recipients, and Angus' per-recipient semantics hold with and without
 * {@code mail.smtp.sendpartial}, as Postfix's log and mailbox confirm.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipeliningPostfixTests {

	private static final String REJECTED = "nobody@" + PostfixContainer.LOCAL_DOMAIN;

	@Container
	static final PostfixContainer postfix = new PostfixContainer(TestAuthorities.POSTFIX);

	private final RecordingListener listener = new RecordingListener();

	@ParameterizedTest(name = "sendpartial {0}")
	@ValueSource(booleans = { false, true })
	void pipelinedSendWithOneRejectedRecipientShouldKeepAngusSemantics(boolean sendPartial) {
		String subject = PostfixSenderContexts.uniqueSubject("pipelined " + sendPartial);
		LogMark mark = postfix.logMark();
		List<ProxiedCommand> commands;
		try (FaultProxy proxy = FaultProxy.to(postfix.getHost(), postfix.mappedPort(STARTTLS_PORT))
			.terminateStartTls(TestAuthorities.POSTFIX.issueLocalhost(), TestAuthorities.POSTFIX.clientSslContext())
			.start()) {
			PostfixSenderContexts
				.forAddress(postfix, "localhost", proxy.port(), this.listener,
						"spring.mail.properties.mail.smtp.sendpartial=" + sendPartial)
				.run((context) -> {
					SimpleMailMessage message = PostfixSenderContexts.message(subject);
					message.setTo(PostfixSenderContexts.RECIPIENT, REJECTED);
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> context.getBean(JavaMailSender.class).send(message));
					Exception failure = ex.getFailedMessages().values().iterator().next();
					assertThat(failure).isInstanceOf(SendFailedException.class);
					SendFailedException sendFailure = (SendFailedException) failure;
					assertThat(addresses(sendFailure.getInvalidAddresses())).containsExactly(REJECTED);
					if (sendPartial) {
						assertThat(addresses(sendFailure.getValidSentAddresses()))
							.containsExactly(PostfixSenderContexts.RECIPIENT);
					}
					else {
						assertThat(sendFailure.getValidSentAddresses()).isNullOrEmpty();
						assertThat(addresses(sendFailure.getValidUnsentAddresses()))
							.containsExactly(PostfixSenderContexts.RECIPIENT);
					}
					assertThat(sendFailure.getNextException()).isInstanceOfSatisfying(SMTPAddressFailedException.class,
							(rejected) -> assertThat(rejected.getReturnCode()).isEqualTo(550));
				});
			commands = proxy.commands();
		}
		// One flight: the proxy read MAIL FROM and the first RCPT TO with more already
		// sent behind them, before it relayed any reply. Before TLS, never.
		assertThat(commands).filteredOn((command) -> !command.overTls()).noneMatch(ProxiedCommand::moreWaiting);
		assertThat(commands).filteredOn((command) -> List.of("MAIL", "RCPT", "DATA").contains(command.verb()))
			.extracting((command) -> command.verb() + (command.moreWaiting() ? "+" : ""))
			.containsExactly("MAIL+", "RCPT+", "RCPT+", "DATA");
		SmtpSession session = postfix.awaitSession(mark, STARTTLS_PORT);
		assertThat(session.commands()).as(session.line()).containsEntry("mail", "1").containsEntry("rcpt", "1/2");
		List<String> log = postfix.logLinesSince(mark);
		assertThat(log).anyMatch((line) -> line.contains("reject: RCPT") && line.contains("550 5.1.1"));
		assertThat(log).noneMatch((line) -> line.contains("improper command pipelining"));
		if (sendPartial) {
			assertThat(session.commands()).as(session.line()).containsEntry("data", "1");
			assertThat(postfix.awaitMessage(subject)).contains(PostfixSenderContexts.body(subject));
		}
		else {
			// Postfix accepted the pipelined DATA; the sender closed the connection
			// rather than complete a message that must not go out.
			assertThat(session.commands()).as(session.line()).containsEntry("data", "0/1");
			assertThat(log).anyMatch((line) -> line.contains("lost connection after DATA (0 bytes)"));
			assertThat(postfix.deliveredMessages()).noneMatch((message) -> message.contains(subject));
		}
	}

	private static List<String> addresses(Address[] addresses) {
		return List.of(addresses).stream().map(Address::toString).toList();
	}

}
