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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.Fault;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.ProxiedCommand;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A pooled connection that the server closed between two sends, within the alive-bypass
 * window where no {@code RSET} precedes the reuse: the message that finds it closed, and
 * that the server therefore accepted nowhere, goes once more over a new connection and is
 * delivered once; a message the server may have accepted is never sent again.
 */
class StaleConnectionTests {

	@Test
	void messageThatFindsAPooledConnectionResetShouldGoOverANewOneAndArriveOnce() {
		assertSentAgainOverANewConnection(Fault.resetAt("MAIL", 2));
	}

	@Test
	void messageWhoseMailFromDrawsA421ShouldGoOverANewOneAndArriveOnce() {
		assertSentAgainOverANewConnection(Fault.answer("MAIL", 2, "421 4.4.2 Idle too long, closing connection"));
	}

	@Test
	void messageThatMayHaveBeenAcceptedShouldNeverBeSentAgain() {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			// The server receives the end of data and answers; the reply is lost.
			proxy.inject(0, Fault.resetAfterForwarding(Fault.END_OF_DATA, 2));
			SenderContexts.forPort(proxy.port()).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(numbered(1));
				SimpleMailMessage second = numbered(2);
				MailSendException failure = catchThrowableOfType(MailSendException.class, () -> sender.send(second));
				assertThat(failure.getFailedMessages()).containsOnlyKeys(second);
			});
			assertThat(proxy.connectionCount()).isOne();
			assertThat(server.messages()).hasSize(2);
		}
	}

	@Test
	void messageOverANewConnectionShouldNotBeSentAgain() {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			proxy.inject(0, Fault.resetAt("MAIL", 1));
			SenderContexts.forPort(proxy.port()).run((context) -> {
				SimpleMailMessage first = numbered(1);
				MailSendException failure = catchThrowableOfType(MailSendException.class,
						() -> context.getBean(JavaMailSender.class).send(first));
				assertThat(failure.getFailedMessages()).containsOnlyKeys(first);
			});
			assertThat(proxy.connectionCount()).isOne();
			assertThat(server.messages()).isEmpty();
		}
	}

	private static void assertSentAgainOverANewConnection(Fault fault) {
		try (SmtpTestServer server = PoolFaultTests.startTlsServer();
				FaultProxy proxy = PoolFaultTests.proxyFor(server)) {
			proxy.inject(0, fault);
			SenderContexts.forPort(proxy.port()).run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				// Back to back, well within the alive-bypass window: no check before
				// reuse.
				sender.send(numbered(1));
				sender.send(numbered(2));
				List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
				assertThat(records).extracting(TlsSendRecord::outcome)
					.containsExactly(SendOutcome.SUCCESS, SendOutcome.FAILURE, SendOutcome.SUCCESS);
				assertThat(records).extracting(TlsSendRecord::connectionReused).containsExactly(false, true, false);
			});
			assertThat(proxy.connectionCount()).isEqualTo(2);
			assertThat(server.messages()).extracting((message) -> message.dataAsString().trim())
				.hasSize(2)
				.anySatisfy((data) -> assertThat(data).endsWith("message-1"))
				.anySatisfy((data) -> assertThat(data).endsWith("message-2"));
			// No check came before the reuse: the first connection's second MAIL FROM
			// follows the first message directly.
			List<String> firstConnection = proxy.commands()
				.stream()
				.filter((command) -> command.connection() == 0)
				.map(ProxiedCommand::verb)
				.toList();
			assertThat(firstConnection.subList(0, firstConnection.lastIndexOf("MAIL"))).doesNotContain("RSET");
		}
	}

	private static SimpleMailMessage numbered(int number) {
		SimpleMailMessage message = SenderContexts.message();
		message.setText("message-" + number);
		return message;
	}

}
