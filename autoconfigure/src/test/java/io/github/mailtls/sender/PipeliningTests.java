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
package io.github.mailtls.sender;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.ProxiedCommand;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * RFC 2920 pipelining keeps Angus' semantics. Whether commands were pipelined is read
 * from the wire: after a rejected MAIL FROM, a pipelining client has already sent its
 * RCPT TO and DATA, a lockstep client has not; and a proxy in the middle sees the
 * commands of one flight arrive before it relayed any reply to them.
 */
class PipeliningTests {

	private static final String REJECTED = "nobody@example.org";

	@Test
	void sendToSeveralRecipientsWithOneRejectedShouldFailWithoutSendingAndKeepAngusAddressLists() {
		try (SmtpTestServer server = pipeliningServer().reject(REJECTED).start()) {
			sender(server).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(message("a@example.org", REJECTED, "b@example.org")));
				SendFailedException failure = sendFailure(ex);
				assertThat(addresses(failure.getInvalidAddresses())).containsExactly(REJECTED);
				assertThat(addresses(failure.getValidUnsentAddresses())).containsExactly("a@example.org",
						"b@example.org");
				assertThat(failure.getValidSentAddresses()).isNullOrEmpty();
				assertThat(failure.getNextException()).isInstanceOfSatisfying(SMTPAddressFailedException.class,
						(rejected) -> {
							assertThat(rejected.getAddress().getAddress()).isEqualTo(REJECTED);
							assertThat(rejected.getReturnCode()).isEqualTo(550);
						});
				// The server accepted the pipelined DATA; the connection is dropped
				// instead of
				// completing a message nobody asked for, and the next send works.
				sender.send(message("a@example.org"));
			});
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.recipients()).containsExactly("a@example.org"));
		}
	}

	@Test
	void sendPartialWithOneRejectedRecipientShouldDeliverToTheOthersAndReportTheRejected() {
		try (SmtpTestServer server = pipeliningServer().reject(REJECTED).start()) {
			sender(server, "spring.mail.properties.mail.smtp.sendpartial=true").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				MailSendException ex = catchThrowableOfType(MailSendException.class,
						() -> sender.send(message("a@example.org", REJECTED, "b@example.org")));
				SendFailedException failure = sendFailure(ex);
				assertThat(addresses(failure.getValidSentAddresses())).containsExactly("a@example.org",
						"b@example.org");
				assertThat(addresses(failure.getInvalidAddresses())).containsExactly(REJECTED);
			});
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.recipients()).containsExactly("a@example.org",
						"b@example.org"));
		}
	}

	@Test
	void rejectedMailFromShouldReportTheSenderAndLeaveThePooledConnectionUsable() {
		try (SmtpTestServer server = pipeliningServer().reject(REJECTED).start()) {
			sender(server).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				SimpleMailMessage rejected = message("a@example.org");
				rejected.setFrom(REJECTED);
				MailSendException ex = catchThrowableOfType(MailSendException.class, () -> sender.send(rejected));
				Exception failure = ex.getFailedMessages().values().iterator().next();
				assertThat(((jakarta.mail.MessagingException) failure).getNextException())
					.isInstanceOfSatisfying(SMTPSenderFailedException.class, (sender553) -> {
						assertThat(sender553.getAddress().getAddress()).isEqualTo(REJECTED);
						assertThat(sender553.getReturnCode()).isEqualTo(553);
					});
				// The replies to the pipelined RCPT and DATA were consumed: the same
				// connection
				// delivers the next message.
				sender.send(message("b@example.org"));
			});
			assertThat(server.connectionCount()).isEqualTo(1);
			assertThat(verbs(server)).containsSubsequence("MAIL", "RCPT", "DATA", "RSET", "MAIL", "RCPT", "DATA");
			assertThat(server.messages()).singleElement()
				.satisfies((message) -> assertThat(message.recipients()).containsExactly("b@example.org"));
		}
	}

	@Test
	void serverWithoutPipeliningShouldGetLockstepCommands() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.reject(REJECTED)
			.start()) {
			assertLockstep(server, sender(server));
		}
	}

	@Test
	void pipeliningSwitchedOffShouldGetLockstepCommands() {
		try (SmtpTestServer server = pipeliningServer().reject(REJECTED).start()) {
			assertLockstep(server, sender(server, "mail.tls.pipelining=false"));
		}
	}

	@Test
	void requireTlsShouldStayOnThePipelinedMailFrom() {
		try (SmtpTestServer server = pipeliningServer().advertise("REQUIRETLS").start()) {
			sender(server, "mail.tls.require-tls-extension=true")
				.run((context) -> context.getBean(JavaMailSender.class).send(message("a@example.org")));
			assertThat(server.commands()).contains("MAIL FROM:<sender@example.org> REQUIRETLS");
			assertThat(server.messages()).hasSize(1);
		}
	}

	@ParameterizedTest(name = "implicit TLS {0}")
	@ValueSource(booleans = { false, true })
	void commandsOfAMessageShouldLeaveInOneFlightOnlyUnderTls(boolean implicit) {
		try (SmtpTestServer server = tlsServer(implicit).advertise("PIPELINING").start();
				FaultProxy proxy = proxyFor(server, implicit)) {
			sender(proxy.port(), implicit).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(message("a@example.org", "b@example.org"));
				sender.send(message("c@example.org"));
			});
			List<ProxiedCommand> commands = proxy.commands();
			assertThat(commands).filteredOn((command) -> !command.overTls())
				.as("nothing pipelined before TLS")
				.noneMatch(ProxiedCommand::moreWaiting);
			assertThat(flightMarks(commands)).containsExactly("MAIL+", "RCPT+", "RCPT+", "DATA", "MAIL+", "RCPT+",
					"DATA");
			assertThat(server.messages()).hasSize(2);
		}
	}

	@Test
	void pipeliningSwitchedOffShouldSendEachCommandAfterTheReplyBefore() {
		try (SmtpTestServer server = tlsServer(false).advertise("PIPELINING").start();
				FaultProxy proxy = proxyFor(server, false)) {
			sender(proxy.port(), false, "mail.tls.pipelining=false").run(
					(context) -> context.getBean(JavaMailSender.class).send(message("a@example.org", "b@example.org")));
			assertThat(flightMarks(proxy.commands())).containsExactly("MAIL", "RCPT", "RCPT", "DATA");
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void pipeliningAdvertisedOnlyBeforeTlsShouldGetLockstepCommands() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.advertiseBeforeTlsOnly("PIPELINING")
			.reject(REJECTED)
			.start()) {
			assertLockstep(server, sender(server));
		}
	}

	@Test
	void rejectedDataShouldFailTheMessageWithTheServersReplyAndKeepTheConnection() {
		try (SmtpTestServer server = pipeliningServer().rejectData().start()) {
			sender(server).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				for (int i = 0; i < 2; i++) {
					MailSendException ex = catchThrowableOfType(MailSendException.class,
							() -> sender.send(message("a@example.org", "b@example.org")));
					Exception failure = ex.getFailedMessages().values().iterator().next();
					assertThat(failure).isInstanceOfSatisfying(SMTPSendFailedException.class, (rejected) -> {
						assertThat(rejected.getCommand()).isEqualTo("DATA");
						assertThat(rejected.getReturnCode()).isEqualTo(554);
						assertThat(addresses(rejected.getValidUnsentAddresses())).containsExactly("a@example.org",
								"b@example.org");
					});
				}
			});
			assertThat(server.connectionCount()).isEqualTo(1);
			assertThat(verbs(server)).containsSubsequence("MAIL", "RCPT", "RCPT", "DATA", "RSET", "MAIL", "RCPT",
					"RCPT", "DATA", "RSET");
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void requireTlsShouldBeDecidedPerMessageOfAPipelinedConnection() {
		try (SmtpTestServer server = pipeliningServer().advertise("REQUIRETLS").start()) {
			sender(server, "mail.tls.require-tls-extension=true").run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(mimeMessage(sender, "No"), mimeMessage(sender, null));
				sender.send(mimeMessage(sender, "No"));
			});
			assertThat(server.commands()).filteredOn((command) -> command.startsWith("MAIL"))
				.containsExactly("MAIL FROM:<sender@example.org>", "MAIL FROM:<sender@example.org> REQUIRETLS",
						"MAIL FROM:<sender@example.org>");
			assertThat(server.connectionCount()).isEqualTo(1);
			assertThat(server.messages()).hasSize(3);
		}
	}

	private static void assertLockstep(SmtpTestServer server, ApplicationContextRunner runner) {
		runner.run((context) -> {
			SimpleMailMessage rejected = message("a@example.org");
			rejected.setFrom(REJECTED);
			catchThrowableOfType(MailSendException.class, () -> context.getBean(JavaMailSender.class).send(rejected));
		});
		assertThat(verbs(server)).contains("MAIL").doesNotContain("RCPT", "DATA");
	}

	private static SmtpTestServer.Builder pipeliningServer() {
		return SmtpTestServer.builder().startTls(MailTlsFixtures.LOCALHOST.serverSslContext()).advertise("PIPELINING");
	}

	private static ApplicationContextRunner sender(SmtpTestServer server, String... properties) {
		return SenderContexts.forPort(server.port(), properties);
	}

	private static ApplicationContextRunner sender(int port, boolean implicit, String... properties) {
		List<String> values = new ArrayList<>(List.of(properties));
		if (implicit) {
			values.add("mail.tls.mode=implicit");
		}
		return SenderContexts.forPort(port, values.toArray(String[]::new));
	}

	private static SmtpTestServer.Builder tlsServer(boolean implicit) {
		return implicit ? SmtpTestServer.builder().implicitTls(MailTlsFixtures.LOCALHOST.serverSslContext())
				: SmtpTestServer.builder().startTls(MailTlsFixtures.LOCALHOST.serverSslContext());
	}

	private static FaultProxy proxyFor(SmtpTestServer server, boolean implicit) {
		FaultProxy.Builder proxy = FaultProxy.to("127.0.0.1", server.port());
		return (implicit ? proxy.terminateImplicitTls(MailTlsFixtures.LOCALHOST, MailTlsFixtures.CA.clientSslContext())
				: proxy.terminateStartTls(MailTlsFixtures.LOCALHOST, MailTlsFixtures.CA.clientSslContext()))
			.start();
	}

	// The transaction commands in order, "+" marking those the client had already
	// followed with more when the proxy read them.
	private static List<String> flightMarks(List<ProxiedCommand> commands) {
		return commands.stream()
			.filter((command) -> List.of("MAIL", "RCPT", "DATA").contains(command.verb()))
			.map((command) -> command.verb() + (command.moreWaiting() ? "+" : ""))
			.toList();
	}

	private static MimeMessage mimeMessage(JavaMailSender sender, @Nullable String tlsRequired)
			throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		message.setFrom("sender@example.org");
		message.setRecipients(Message.RecipientType.TO, "rcpt@example.org");
		message.setSubject("mail-tls test");
		message.setText("Hello over TLS");
		if (tlsRequired != null) {
			message.setHeader("TLS-Required", tlsRequired);
		}
		return message;
	}

	private static SimpleMailMessage message(String... recipients) {
		SimpleMailMessage message = SenderContexts.message();
		message.setTo(recipients);
		return message;
	}

	private static SendFailedException sendFailure(MailSendException ex) {
		Exception failure = ex.getFailedMessages().values().iterator().next();
		assertThat(failure).isInstanceOf(SendFailedException.class);
		return (SendFailedException) failure;
	}

	private static List<String> addresses(Address[] addresses) {
		return List.of(addresses).stream().map(Address::toString).toList();
	}

	private static List<String> verbs(SmtpTestServer server) {
		return server.commands().stream().map((command) -> command.split("[ :]", 2)[0]).toList();
	}

}
