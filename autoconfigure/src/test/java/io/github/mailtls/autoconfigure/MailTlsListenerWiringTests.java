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
package io.github.mailtls.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for how the auto-configured sender holds its {@link TlsSendListener listeners}:
 * resolved at the first send, once, so that building the sender creates none of them.
 */
class MailTlsListenerWiringTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void runWithListenerThatCannotBeCreatedShouldFailNamingTheListenerNotTheSender() {
		// The mail client is created first and needs the sender: had the sender created
		// the listeners, the failure would read "Error creating bean with name
		// 'mailClient' ... 'mailSender'".
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.withUserConfiguration(MailClientConfiguration.class, BrokenListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BeanCreationException.class)
					.hasMessageStartingWith("Error creating bean with name 'brokenListener'")
					.hasMessageNotContaining("'mailSender'")
					.hasMessageNotContaining("'mailClient'")
					.hasRootCauseMessage("listener cannot start");
				assertThat(((BeanCreationException) context.getStartupFailure()).getBeanName())
					.isEqualTo("brokenListener");
			});
	}

	@Test
	void runWithLazyListenerThatCannotBeCreatedShouldFailEachSendNamingItBeforeConnecting() {
		try (SmtpTestServer server = startTlsServer()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.withUserConfiguration(LazyBrokenListenerConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					JavaMailSender sender = context.getBean(JavaMailSender.class);
					for (int attempt = 0; attempt < 2; attempt++) {
						assertThatExceptionOfType(BeanCreationException.class)
							.isThrownBy(() -> sender.send(MailTlsFixtures.message()))
							.satisfies((ex) -> assertThat(ex.getBeanName()).isEqualTo("brokenListener"));
					}
				});
			assertThat(server.connectionCount()).isZero();
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void runWithListenerThatUsesTheSenderShouldStartAndReceiveRecords() {
		try (SmtpTestServer server = startTlsServer()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.withBean(SenderAwareListener.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
					SenderAwareListener listener = context.getBean(SenderAwareListener.class);
					assertThat(listener.sender).isSameAs(context.getBean(TlsEnforcingMailSender.class));
					assertThat(listener.records).singleElement()
						.satisfies((record) -> assertThat(record.protocol()).isEqualTo("TLSv1.3"));
				});
			assertThat(server.messages()).hasSize(1);
		}
	}

	@Test
	void sendsShouldResolveTheListenersOnceAtTheFirstSend() {
		try (SmtpTestServer server = startTlsServer()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				AtomicInteger resolutions = new AtomicInteger();
				List<TlsSendRecord> records = new CopyOnWriteArrayList<>();
				TlsEnforcingMailSender sender = new MailSenderFactory(context.getBean(MailProperties.class),
						context.getBean(MailTlsProperties.class), context.getBean(SslBundles.class))
					.create(() -> {
						resolutions.incrementAndGet();
						return List.of(records::add);
					});
				try {
					assertThat(resolutions).hasValue(0);
					for (int i = 0; i < 3; i++) {
						sender.send(MailTlsFixtures.message());
					}
					assertThat(resolutions).hasValue(1);
					assertThat(records).hasSize(3);
				}
				finally {
					sender.destroy();
				}
			});
			assertThat(server.messages()).hasSize(3);
		}
	}

	private static SmtpTestServer startTlsServer() {
		return SmtpTestServer.builder().startTls(MailTlsFixtures.LOCALHOST.serverSslContext()).start();
	}

	@Configuration(proxyBeanMethods = false)
	static class MailClientConfiguration {

		@Bean
		Object mailClient(JavaMailSender mailSender) {
			return mailSender;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenListenerConfiguration {

		@Bean
		TlsSendListener brokenListener() {
			throw new IllegalStateException("listener cannot start");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyBrokenListenerConfiguration {

		@Bean
		@Lazy
		TlsSendListener brokenListener() {
			throw new IllegalStateException("listener cannot start");
		}

	}

	static class SenderAwareListener implements TlsSendListener {

		final TlsEnforcingMailSender sender;

		final List<TlsSendRecord> records = new CopyOnWriteArrayList<>();

		SenderAwareListener(TlsEnforcingMailSender sender) {
			this.sender = sender;
		}

		@Override
		public void onSend(TlsSendRecord record) {
			this.records.add(record);
		}

	}

}
