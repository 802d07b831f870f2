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

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.tls.PolicySslContextFactory;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Builds the {@link TlsEnforcingMailSender} from {@code spring.mail.*} and
 * {@code mail.tls.*}.
 */
final class MailSenderFactory {

	private static final Log logger = LogFactory.getLog(MailSenderFactory.class);

	private final MailProperties mail;

	private final MailTlsProperties tls;

	private final @Nullable SslBundles sslBundles;

	MailSenderFactory(MailProperties mail, MailTlsProperties tls, @Nullable SslBundles sslBundles) {
		this.mail = mail;
		this.tls = tls;
		this.sslBundles = sslBundles;
	}

	TlsEnforcingMailSender create(Supplier<? extends List<? extends TlsSendListener>> listeners) {
		TlsPolicyFactory policyFactory = new TlsPolicyFactory(this.mail, this.tls);
		String bundleName = bundleName();
		List<String> pins = policyFactory.pinnedPublicKeys();
		SSLContext sslContext;
		String trustSource;
		BundleOptions bundleOptions;
		if (bundleName != null) {
			SslBundle bundle = bundle(bundleName);
			sslContext = fromBundle(bundleName, bundle, pins);
			trustSource = "SSL bundle '" + bundleName + "'";
			bundleOptions = BundleOptions.of(bundleName, bundle.getOptions());
		}
		else {
			sslContext = PolicySslContextFactory.withJdkTrust(pins);
			trustSource = "the JDK trust store";
			bundleOptions = BundleOptions.NONE;
		}
		TlsPolicy policy = policyFactory.create(sslContext, trustSource, bundleOptions);
		warnIfWeak(policy);
		TlsEnforcingMailSender sender = new TlsEnforcingMailSender(policy, sslContext, listeners);
		sender.setHost(this.mail.getHost());
		sender.setPort(policyFactory.port());
		sender.setUsername(this.mail.getUsername());
		sender.setPassword(this.mail.getPassword());
		sender.setProtocol("smtp");
		if (this.mail.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(this.mail.getDefaultEncoding().name());
		}
		Properties raw = new Properties();
		raw.putAll(this.mail.getProperties());
		sender.setJavaMailProperties(raw);
		sender.setPoolSettings(policyFactory.poolSettings());
		try {
			sender.setStartTlsMemoryFile(this.tls.getDowngradeMemoryFile());
		}
		catch (UncheckedIOException ex) {
			throw new MailTlsConfigurationException("mail.tls.downgrade-memory-file",
					"'%s' cannot be read (%s)".formatted(this.tls.getDowngradeMemoryFile(), ex.getMessage()),
					"Point mail.tls.downgrade-memory-file at a readable file (it is created when missing), or remove it.");
		}
		return sender;
	}

	private @Nullable String bundleName() {
		if (StringUtils.hasText(this.tls.getSslBundle())) {
			return this.tls.getSslBundle();
		}
		return StringUtils.hasText(this.mail.getSsl().getBundle()) ? this.mail.getSsl().getBundle() : null;
	}

	private SslBundle bundle(String name) {
		if (this.sslBundles == null) {
			throw missingBundle(name);
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw missingBundle(name);
		}
	}

	private static SSLContext fromBundle(String name, SslBundle bundle, List<String> pins) {
		return PolicySslContextFactory.create(bundle.getManagers().getTrustManagers(),
				bundle.getManagers().getKeyManagers(), "SSL bundle '" + name + "'", pins);
	}

	private MailTlsConfigurationException missingBundle(String name) {
		String property = StringUtils.hasText(this.tls.getSslBundle()) ? "mail.tls.ssl-bundle"
				: "spring.mail.ssl.bundle";
		return new MailTlsConfigurationException(property, "there is no SSL bundle named '%s'".formatted(name),
				"Define it under spring.ssl.bundle.pem.%s or spring.ssl.bundle.jks.%s, or fix the name.".formatted(name,
						name));
	}

	private static void warnIfWeak(TlsPolicy policy) {
		if (policy.mode() == TlsMode.OPPORTUNISTIC || policy.mode() == TlsMode.NONE) {
			logger.warn(("Outgoing mail may travel in plaintext: mail.tls.mode=%s. "
					+ "Use 'auto', 'implicit' or 'starttls' outside local development.")
				.formatted(policy.mode().value()));
		}
		if (!policy.verifyHostname()) {
			logger.warn("Server host names are not verified (mail.tls.verify-hostname=false): "
					+ "any holder of a trusted certificate can impersonate the mail server.");
		}
	}

}
