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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.testsupport.Fault;
import io.github.mailtls.testsupport.FaultProxy;
import io.github.mailtls.testsupport.ReceivedMessage;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cuts one whole authenticated STARTTLS session of a batch send at every command boundary
 * and at a set of byte offsets, with the pool on and off, and checks the contract of
 * every cut: no message lost (returned normally but not delivered, or failed without
 * being named), no message both delivered and named as failed except the one whose end of
 * data reached the server before the cut, no call longer than the documented bound, and
 * metrics and records that match what happened.
 */
class CutSweepTests {

	private static final int MESSAGES = 3;

	private static final Duration CONNECT = Duration.ofSeconds(2);

	private static final Duration READ = Duration.ofSeconds(2);

	// README "Worst case of a send": max-wait (= connect) + one connection attempt
	// (connect + 6 replies) + per message (MAIL, RCPT, DATA, end of data, RSET check).
	private static final Duration BOUND = CONNECT.plus(CONNECT)
		.plus(READ.multipliedBy(6))
		.plus(READ.multipliedBy(5L * MESSAGES));

	static Stream<Arguments> cuts() {
		List<Fault> faults = new ArrayList<>();
		faults.add(Fault.resetAt("EHLO", 1));
		faults.add(Fault.resetAt("STARTTLS", 1));
		faults.add(Fault.resetAt("EHLO", 2));
		faults.add(Fault.resetAt("AUTH", 1));
		for (int message = 1; message <= MESSAGES; message++) {
			faults.add(Fault.resetAt("MAIL", message));
			faults.add(Fault.resetAt("RCPT", message));
			faults.add(Fault.resetAt("DATA", message));
			faults.add(Fault.resetAt(Fault.END_OF_DATA, message));
			faults.add(Fault.resetAfterForwarding(Fault.END_OF_DATA, message));
		}
		faults.add(Fault.resetAt("RSET", 1));
		faults.add(Fault.resetAt("QUIT", 1));
		for (long offset : new long[] { 0, 7, 40, 120, 300, 600, 900, 1200, 1600, 2200 }) {
			faults.add(Fault.resetAfterClientBytes(offset));
		}
		for (long offset : new long[] { 3, 200, 600, 900, 1200 }) {
			faults.add(Fault.resetAfterServerBytes(offset));
		}
		return Stream.of(true, false).flatMap((pooled) -> faults.stream().map((fault) -> Arguments.of(fault, pooled)));
	}

	@ParameterizedTest(name = "{0}, pool {1}")
	@MethodSource("cuts")
	void cutShouldLoseNothingAndBeAccountedExactly(Fault fault, boolean pooled) {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("user", "secret")
			.start();
				FaultProxy proxy = FaultProxy.to("127.0.0.1", server.port())
					.terminateStartTls(MailTlsFixtures.LOCALHOST, MailTlsFixtures.CA.clientSslContext())
					.start()) {
			proxy.inject(0, fault);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			SenderContexts
				.forPort(proxy.port(), "spring.mail.username=user", "spring.mail.password=secret",
						"mail.tls.timeouts.connect=" + CONNECT.toSeconds() + "s",
						"mail.tls.timeouts.read=" + READ.toSeconds() + "s", "mail.tls.pool.validation-timeout=500ms",
						"mail.tls.pool.enabled=" + pooled)
				.withBean(ObservationRegistry.class, () -> observations)
				.run((context) -> {
					SimpleMailMessage[] batch = batch();
					long start = System.nanoTime();
					MailException failure = null;
					try {
						context.getBean(JavaMailSender.class).send(batch);
					}
					catch (MailException ex) {
						failure = ex;
					}
					Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
					assertThat(elapsed).as("duration of the send").isLessThan(BOUND);
					Set<String> delivered = delivered(server);
					assertThat(delivered).as("messages delivered once each").hasSize(server.messages().size());
					Set<String> named = named(failure);
					for (SimpleMailMessage message : batch) {
						String body = message.getText();
						assertThat(delivered.contains(body) || named.contains(body))
							.as("%s neither delivered nor named in %s", body, failure)
							.isTrue();
					}
					Set<String> both = new HashSet<>(delivered);
					both.retainAll(named);
					assertThat(both).as("delivered yet named as failed in %s", failure)
						.allMatch((body) -> isAmbiguousAfterFinalDot(fault, body));
					if (failure == null) {
						assertThat(delivered).as("delivered when the send returned normally").hasSize(MESSAGES);
					}
					else if (delivered.size() == MESSAGES && both.isEmpty()) {
						// Every message was accepted and confirmed: a failure to close
						// the
						// connection afterwards must not make the caller send them again.
						assertThat(failure).as("thrown although every message was delivered").isNull();
					}
					SendOutcome outcome = outcomeOf(failure);
					assertThat(meters.find("mail.send").timers()).as("mail.send timers")
						.singleElement()
						.satisfies((timer) -> assertTimer(timer, outcome));
					// One record per connection used: each connection the proxy saw.
					List<TlsSendRecord> records = context.getBean(RecordingListener.class).records();
					assertThat(records).as("send records").hasSize(proxy.connectionCount());
					if (outcome == SendOutcome.SUCCESS) {
						assertThat(records).extracting(TlsSendRecord::outcome).containsOnly(SendOutcome.SUCCESS);
					}
					else {
						assertThat(records).extracting(TlsSendRecord::outcome).contains(outcome);
					}
				});
		}
	}

	// A refusal is a failure the policy caused; its exception chain says so.
	private static SendOutcome outcomeOf(@Nullable MailException failure) {
		if (failure == null) {
			return SendOutcome.SUCCESS;
		}
		return (MailTlsPolicyException.findIn(failure) != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE;
	}

	private static void assertTimer(Timer timer, SendOutcome outcome) {
		assertThat(timer.count()).isOne();
		assertThat(timer.getId().getTag("outcome")).isEqualTo(outcome.name().toLowerCase(Locale.ROOT));
	}

	// Only the message whose end of data the server acted on before the reply was lost
	// may be both delivered and reported: the client cannot tell (RFC 5321 §4.1.1.4).
	private static boolean isAmbiguousAfterFinalDot(Fault fault, String body) {
		String text = fault.toString();
		if (text.startsWith("reset_after_forwarding at .")) {
			return body.equals("cut-message-" + (Integer.parseInt(text.substring(text.indexOf('#') + 1)) - 1));
		}
		// A byte cut can fall between the end of data and its reply.
		return text.contains("bytes");
	}

	private static SimpleMailMessage[] batch() {
		SimpleMailMessage[] batch = new SimpleMailMessage[MESSAGES];
		for (int i = 0; i < MESSAGES; i++) {
			batch[i] = SenderContexts.message();
			batch[i].setText("cut-message-" + i);
		}
		return batch;
	}

	private static Set<String> delivered(SmtpTestServer server) {
		Set<String> bodies = new HashSet<>();
		for (ReceivedMessage message : server.messages()) {
			String data = message.dataAsString();
			bodies.add(data.substring(data.indexOf("cut-message-")).trim());
		}
		return bodies;
	}

	private static Set<String> named(@Nullable MailException failure) {
		Set<String> bodies = new HashSet<>();
		if (failure instanceof MailSendException sendFailure) {
			for (Map.Entry<Object, Exception> entry : sendFailure.getFailedMessages().entrySet()) {
				if (entry.getKey() instanceof SimpleMailMessage message) {
					bodies.add(message.getText());
				}
			}
		}
		return bodies;
	}

}
