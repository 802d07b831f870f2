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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.testsupport.TestCertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailTlsAutoConfiguration}.
 */
class MailTlsAutoConfigurationTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailTlsAutoConfiguration.class, MailSenderAutoConfiguration.class,
				MailSenderValidatorAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void runWhenHostIsSetShouldReplaceBootSender() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=587")
			.run((context) -> {
				assertThat(context).hasSingleBean(JavaMailSender.class);
				assertThat(context.getBean(MailSender.class)).isInstanceOf(TlsEnforcingMailSender.class)
					.isInstanceOf(JavaMailSenderImpl.class);
				assertThat(context).getBean("mailSender").isSameAs(context.getBean(JavaMailSender.class));
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				assertThat(sender.getHost()).isEqualTo("smtp.example.com");
				assertThat(sender.getPort()).isEqualTo(587);
				assertThat(sender.getPolicy().mode()).isEqualTo(TlsMode.STARTTLS);
				assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.required", "true")
					.containsEntry("mail.smtp.socketFactory.fallback", "false")
					.containsEntry("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2")
					.containsEntry("mail.smtp.timeout", "30000");
			});
	}

	@Test
	void runWithoutHostShouldNotProvideSender() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MailSender.class));
	}

	@Test
	void runWithoutAngusShouldNotProvideSender() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.eclipse.angus.mail.smtp"))
			.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(TlsEnforcingMailSender.class));
	}

	@Test
	void runWithUserDefinedSenderShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserSenderConfiguration.class)
			.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(JavaMailSender.class);
				assertThat(context.getBean(JavaMailSender.class)).isNotInstanceOf(TlsEnforcingMailSender.class);
			});
	}

	@Test
	void runWithPort465ShouldUseImplicitTls() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=465")
			.run((context) -> {
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				assertThat(sender.getPolicy().configuredMode()).isEqualTo(TlsMode.AUTO);
				assertThat(sender.getPolicy().mode()).isEqualTo(TlsMode.IMPLICIT);
				assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.ssl.enable", "true")
					.containsEntry("mail.smtp.starttls.enable", "false");
			});
	}

	@Test
	void runWithSmtpsProtocolAndNoPortShouldUseImplicitTlsOn465() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.protocol=smtps")
			.run((context) -> {
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				assertThat(sender.getPort()).isEqualTo(465);
				assertThat(sender.getProtocol()).isEqualTo("smtp");
				assertThat(sender.getPolicy().mode()).isEqualTo(TlsMode.IMPLICIT);
			});
	}

	@Test
	void runShouldBindEveryProperty() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=smtp.example.com", "mail.tls.mode=opportunistic",
					"mail.tls.protocols=TLSv1.3", "mail.tls.cipher-suites=TLS_AES_256_GCM_SHA384",
					"mail.tls.verify-hostname=false", "mail.tls.allow-plaintext-auth=true",
					"mail.tls.timeouts.connect=2s", "mail.tls.timeouts.read=3s", "mail.tls.timeouts.write=4s",
					"mail.tls.ssl-bundle=mail", "spring.ssl.bundle.pem.mail.truststore.certificate=" + caPem())
			.run((context) -> {
				MailTlsProperties properties = context.getBean(MailTlsProperties.class);
				assertThat(properties.getMode()).isEqualTo(TlsMode.OPPORTUNISTIC);
				assertThat(properties.getProtocols()).containsExactly("TLSv1.3");
				assertThat(properties.getCipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384");
				assertThat(properties.isVerifyHostname()).isFalse();
				assertThat(properties.isAllowPlaintextAuth()).isTrue();
				assertThat(properties.getSslBundle()).isEqualTo("mail");
				assertThat(properties.getTimeouts().getConnect()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getTimeouts().getRead()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getTimeouts().getWrite()).isEqualTo(Duration.ofSeconds(4));
			});
	}

	@Test
	void runWithValidPropertiesShouldApplyThemToThePolicy() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=2525",
					"mail.tls.mode=opportunistic", "mail.tls.protocols=TLSv1.3",
					"mail.tls.cipher-suites=TLS_AES_256_GCM_SHA384", "mail.tls.verify-hostname=false",
					"mail.tls.allow-plaintext-auth=true", "mail.tls.timeouts.connect=2s", "mail.tls.timeouts.read=3s",
					"mail.tls.timeouts.write=4s")
			.run((context) -> {
				TlsEnforcingMailSender sender = context.getBean(TlsEnforcingMailSender.class);
				TlsPolicy policy = sender.getPolicy();
				assertThat(policy.mode()).isEqualTo(TlsMode.OPPORTUNISTIC);
				assertThat(policy.protocols()).containsExactly("TLSv1.3");
				assertThat(policy.cipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384");
				assertThat(policy.verifyHostname()).isFalse();
				assertThat(policy.allowPlaintextAuth()).isTrue();
				assertThat(policy.trustSource()).isEqualTo("the JDK trust store");
				assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true")
					.containsEntry("mail.smtp.starttls.required", "false")
					.containsEntry("mail.smtp.ssl.checkserveridentity", "false")
					.containsEntry("mail.smtp.ssl.ciphersuites", "TLS_AES_256_GCM_SHA384")
					.containsEntry("mail.smtp.connectiontimeout", "2000")
					.containsEntry("mail.smtp.timeout", "3000")
					.containsEntry("mail.smtp.writetimeout", "4000");
			});
	}

	@Test
	void runWithRedundantRawStartTlsKeysShouldStart() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=587",
					"spring.mail.properties.mail.smtp.starttls.enable=true",
					"spring.mail.properties.mail.smtp.starttls.required=true",
					"spring.mail.properties.mail.smtp.connectiontimeout=10000")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TlsEnforcingMailSender.class).getJavaMailProperties())
					.containsEntry("mail.smtp.connectiontimeout", "10000");
			});
	}

	@Test
	void runWithUnknownModeShouldFail() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com", "mail.tls.mode=starttsl")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("starttsl"));
	}

	@Test
	void runWithLegacyProtocolShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.protocols=TLSv1.2,TLSv1.1"), "'TLSv1.1' is deprecated and insecure",
				"Allow only [TLSv1.3, TLSv1.2]");
	}

	@Test
	void runWithUnknownProtocolShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.protocols=TLSv1.4"), "'TLSv1.4' is not a known TLS protocol",
				"Use values from [TLSv1.3, TLSv1.2]");
	}

	@Test
	void runWithEmptyProtocolsShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.protocols="), "no TLS protocol is allowed", "Allow at least one of");
	}

	@Test
	void runWithUnknownCipherSuiteShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.cipher-suites=TLS_RSA_WITH_NOTHING"), "'TLS_RSA_WITH_NOTHING' is not a cipher",
				"Use JSSE cipher suite names");
	}

	@Test
	void runWithZeroTimeoutShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.timeouts.read=0s"), "mail.tls.timeouts.read", "positive duration");
	}

	@Test
	void runWithNegativeTimeoutShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.timeouts.connect=-1s"), "mail.tls.timeouts.connect", "positive duration");
	}

	@Test
	void runWithMissingSslBundleShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.ssl-bundle=missing"), "there is no SSL bundle named 'missing'",
				"spring.ssl.bundle.pem.missing");
	}

	@Test
	void runWithMissingBootSslBundleShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.ssl.bundle=absent"), "'spring.mail.ssl.bundle'",
				"spring.ssl.bundle.pem.absent");
	}

	@Test
	void runWithNoneModeAndCredentialsShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.mode=none", "spring.mail.username=user", "spring.mail.password=secret"),
				"credentials of spring.mail.username in plaintext", "mail.tls.allow-plaintext-auth=true");
	}

	@Test
	void runWithNoneModeAndCredentialsAndPlaintextAuthAllowedShouldStart() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=localhost", "mail.tls.mode=none", "spring.mail.username=user",
					"spring.mail.password=secret", "mail.tls.allow-plaintext-auth=true")
			.run((context) -> assertThat(context.getBean(TlsEnforcingMailSender.class).getPolicy().mode())
				.isEqualTo(TlsMode.NONE));
	}

	@Test
	void runWithSslEnabledAndStartTlsModeShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.ssl.enabled=true", "mail.tls.mode=starttls"),
				"contradicts spring.mail.protocol=smtps or spring.mail.ssl.enabled=true", "mail.tls.mode only");
	}

	@Test
	void runWithUnsupportedProtocolShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.protocol=lmtp"), "'lmtp' is not supported", "spring.mail.protocol to smtp");
	}

	@Test
	void runWithBootHostnameVerificationOffShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.ssl.verify-hostname=false"), "conflicts with mail.tls.verify-hostname",
				"mail.tls.verify-hostname controls");
	}

	@Test
	void runWithRawSslTrustShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.properties.mail.smtp.ssl.trust=*"),
				"'mail.smtp.ssl.trust' (use mail.tls.ssl-bundle", "Remove these keys");
	}

	@Test
	void runWithRawSocketFactoryFallbackShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.properties.mail.smtp.socketFactory.fallback=true"),
				"'mail.smtp.socketFactory.fallback' (use nothing", "Remove these keys");
	}

	@Test
	void runWithRawServerIdentityCheckOffShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.properties.mail.smtp.ssl.checkserveridentity=false"),
				"'mail.smtp.ssl.checkserveridentity' (use mail.tls.verify-hostname", "Remove these keys");
	}

	@Test
	void runWithRawStartTlsNotRequiredShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.port=587", "spring.mail.properties.mail.smtp.starttls.required=false"),
				"'mail.smtp.starttls.required' (use mail.tls.mode, the policy sets 'true')", "Remove these keys");
	}

	@Test
	void runWithRawCommaSeparatedProtocolsShouldFailWithAnalysis() {
		assertFailure(List.of("spring.mail.properties.mail.smtps.ssl.protocols=TLSv1.2,TLSv1.3"),
				"'mail.smtps.ssl.protocols' (use mail.tls.protocols, the policy sets 'TLSv1.3 TLSv1.2')",
				"Remove these keys");
	}

	@Test
	void runWithUnreadableDowngradeMemoryFileShouldFailWithAnalysis() {
		assertFailure(List.of("mail.tls.downgrade-memory-file=" + this.temp), "cannot be read",
				"Point mail.tls.downgrade-memory-file at a readable file");
	}

	@Test
	void runWithTestConnectionShouldValidateThroughTheEnforcingSender() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=1", "spring.mail.test-connection=true",
					"mail.tls.timeouts.connect=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Mail server is not available")
				.hasStackTraceContaining("127.0.0.1, 1; timeout 1000"));
	}

	@Test
	void runWithSslBundleShouldTrustIt() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=smtp.example.com", "mail.tls.ssl-bundle=mail",
					"spring.ssl.bundle.pem.mail.truststore.certificate=" + caPem())
			.run((context) -> assertThat(context.getBean(TlsEnforcingMailSender.class).getPolicy().trustSource())
				.isEqualTo("SSL bundle 'mail'"));
	}

	@Test
	void runWithBootSslBundleShouldTrustIt() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.ssl.bundle=boot",
					"spring.ssl.bundle.pem.boot.truststore.certificate=" + caPem())
			.run((context) -> assertThat(context.getBean(TlsEnforcingMailSender.class).getPolicy().trustSource())
				.isEqualTo("SSL bundle 'boot'"));
	}

	private String caPem() {
		Path file = this.temp.resolve("ca.pem");
		if (!Files.exists(file)) {
			TestCertificateAuthority.create("mail-tls test CA").writeCertificatePem(file);
		}
		return "file:" + file;
	}

	private void assertFailure(List<String> properties, String description, String action) {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com")
			.withPropertyValues(properties.toArray(String[]::new))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(description);
				assertThat(analysis.getAction()).contains(action);
			});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		FailureAnalysis analysis = new MailTlsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		assertThat(analysis.getCause()).isInstanceOf(MailTlsConfigurationException.class);
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSenderConfiguration {

		@Bean
		JavaMailSender userMailSender() {
			return new JavaMailSenderImpl();
		}

	}

}
