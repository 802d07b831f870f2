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
package io.github.mailtls.observation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.mailtls.autoconfigure.MailTlsAutoConfiguration;
import io.github.mailtls.autoconfigure.MailTlsObservationAutoConfiguration;
import io.github.mailtls.fixtures.MailTlsFixtures;
import io.github.mailtls.testsupport.SmtpTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the {@code mail.send} observation of real sends, recorded in a
 * {@link TestObservationRegistry}.
 */
class MailSendObservationTests {

	private static final List<String> KEY_NAMES = List.of("tls.mode", "tls.protocol", "outcome", "server.address");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class,
				MailTlsObservationAutoConfiguration.class, SslAutoConfiguration.class))
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create);

	@Test
	void documentationShouldDeclareExactlyTheLowCardinalityKeysAndNoHighCardinalityKey() {
		assertThat(new DefaultMailTlsSendObservationConvention().getName()).isEqualTo("mail.send");
		assertThat(Arrays.stream(MailTlsObservationDocumentation.MAIL_SEND.getLowCardinalityKeyNames())
			.map(KeyName::asString)).containsExactlyElementsOf(KEY_NAMES);
		assertThat(MailTlsObservationDocumentation.MAIL_SEND.getHighCardinalityKeyNames()).isEmpty();
	}

	@Test
	void sendWhenTlsIsNegotiatedShouldObserveSuccessWithoutPersonalData() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("mail.send", 1)
					.hasObservationWithNameEqualTo("mail.send")
					.that()
					.hasContextualNameEqualTo("mail send")
					.hasLowCardinalityKeyValue("tls.mode", "starttls")
					.hasLowCardinalityKeyValue("tls.protocol", "TLSv1.3")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasLowCardinalityKeyValue("server.address", "localhost")
					.doesNotHaveError()
					.hasBeenStopped();
				assertOnlyDocumentedKeysWithoutPersonalData(registry);
			});
		}
	}

	@Test
	void sendWhenPolicyRefusesShouldObserveRefusalWithError() {
		try (SmtpTestServer server = SmtpTestServer.builder().hideStartTls().start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port())).run((context) -> {
				assertThatExceptionOfType(MailSendException.class)
					.isThrownBy(() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("mail.send")
					.that()
					.hasLowCardinalityKeyValue("tls.mode", "starttls")
					.hasLowCardinalityKeyValue("tls.protocol", "none")
					.hasLowCardinalityKeyValue("outcome", "refused")
					.hasError()
					.assertThatError()
					.isInstanceOf(MailSendException.class)
					.hasMessageContaining("starttls_not_offered");
				assertOnlyDocumentedKeysWithoutPersonalData(registry);
			});
			assertThat(server.messages()).isEmpty();
		}
	}

	@Test
	void sendWhenAuthenticationFailsAfterTlsShouldObserveFailureWithError() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.auth("mailer", "right-password")
			.start()) {
			this.contextRunner
				.withPropertyValues(MailTlsFixtures.senderProperties(server.port(), "spring.mail.username=mailer",
						"spring.mail.password=wrong-password"))
				.run((context) -> {
					assertThatExceptionOfType(MailAuthenticationException.class)
						.isThrownBy(() -> context.getBean(JavaMailSender.class).send(MailTlsFixtures.message()));
					TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
					TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo("mail.send")
						.that()
						.hasLowCardinalityKeyValue("tls.mode", "starttls")
						.hasLowCardinalityKeyValue("tls.protocol", "TLSv1.3")
						.hasLowCardinalityKeyValue("outcome", "failure")
						.hasError()
						.assertThatError()
						.isInstanceOf(MailAuthenticationException.class);
					assertOnlyDocumentedKeysWithoutPersonalData(registry);
				});
		}
	}

	@Test
	void sendWithUserConventionShouldUseItInsteadOfTheDefault() {
		try (SmtpTestServer server = SmtpTestServer.builder()
			.startTls(MailTlsFixtures.LOCALHOST.serverSslContext())
			.start()) {
			this.contextRunner.withPropertyValues(MailTlsFixtures.senderProperties(server.port()))
				.withBean(MailTlsSendObservationConvention.class, CustomConvention::new)
				.run((context) -> {
					context.getBean(JavaMailSender.class).send(MailTlsFixtures.message());
					TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
						.hasObservationWithNameEqualTo("custom.mail.send")
						.that()
						.hasLowCardinalityKeyValue("custom.mode", "starttls")
						.doesNotHaveLowCardinalityKeyValueWithKey("tls.mode");
				});
		}
	}

	private static void assertOnlyDocumentedKeysWithoutPersonalData(TestObservationRegistry registry) {
		TestObservationRegistryAssert.assertThat(registry)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts).isNotEmpty().allSatisfy((context) -> {
				assertThat(keys(context.getLowCardinalityKeyValues())).containsExactlyInAnyOrderElementsOf(KEY_NAMES);
				assertThat(context.getHighCardinalityKeyValues()).isEmpty();
				assertThat(Stream.concat(context.getLowCardinalityKeyValues().stream(),
						context.getHighCardinalityKeyValues().stream()))
					.map(KeyValue::getValue)
					.noneMatch((value) -> value.contains(MailTlsFixtures.SUBJECT) || value.contains("@"));
			}));
	}

	private static List<String> keys(KeyValues keyValues) {
		return keyValues.stream().map(KeyValue::getKey).toList();
	}

	static class CustomConvention implements MailTlsSendObservationConvention {

		@Override
		public String getName() {
			return "custom.mail.send";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(MailTlsSendContext context) {
			return KeyValues.of("custom.mode",
					(context.getRecord() != null) ? context.getRecord().security().value() : "unknown");
		}

	}

}
