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
import java.util.Set;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

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
		MailTlsPropertiesValidator validator = new MailTlsPropertiesValidator(this.mail, this.tls);
		MailTlsPropertiesValidator.ValidatedProperties properties = validator.validate();
		String bundleName = validator.bundleName();
		List<String> pins = properties.pinnedPublicKeys();
		SSLContext sslContext;
		String trustSource;
		BundleOptions bundleOptions;
		if (bundleName != null) {
			SslBundle bundle = validator.bundle(this.sslBundles, bundleName);
			sslContext = fromBundle(bundleName, bundle, pins);
			trustSource = "SSL bundle '" + bundleName + "'";
			bundleOptions = BundleOptions.of(bundleName, bundle.getOptions());
		}
		else {
			sslContext = PolicySslContextFactory.withJdkTrust(pins);
			trustSource = "the JDK trust store";
			bundleOptions = BundleOptions.NONE;
		}
		TlsPolicy policy = policy(validator, properties, sslContext, trustSource, bundleOptions);
		warnIfWeak(policy);
		TlsEnforcingMailSender sender = new TlsEnforcingMailSender(policy, sslContext, listeners);
		sender.setHost(this.mail.getHost());
		sender.setPort(properties.port());
		sender.setUsername(this.mail.getUsername());
		sender.setPassword(this.mail.getPassword());
		sender.setProtocol("smtp");
		if (this.mail.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(this.mail.getDefaultEncoding().name());
		}
		Properties raw = new Properties();
		raw.putAll(this.mail.getProperties());
		sender.setJavaMailProperties(raw);
		sender.setPoolSettings(properties.poolSettings());
		sender.setPipelining(this.tls.isPipelining());
		try {
			sender.setStartTlsMemoryFile(this.tls.getDowngradeMemoryFile());
		}
		catch (UncheckedIOException ex) {
			throw validator.unreadableDowngradeMemoryFile(ex.getMessage());
		}
		return sender;
	}

	/**
	 * Derive the policy; the SSL bundle's own {@code options.enabled-protocols} and
	 * {@code options.ciphers}, when set, restrict it further, as Boot users expect of a
	 * bundle.
	 */
	private TlsPolicy policy(MailTlsPropertiesValidator validator,
			MailTlsPropertiesValidator.ValidatedProperties properties, SSLContext sslContext, String trustSource,
			BundleOptions bundleOptions) {
		Set<String> supported = Set.of(sslContext.getSupportedSSLParameters().getCipherSuites());
		List<String> protocols = MailTlsPropertiesValidator.restrictProtocols(bundleOptions, properties.protocols());
		List<String> cipherSuites = MailTlsPropertiesValidator.restrictCipherSuites(bundleOptions,
				validator.cipherSuites(supported), supported);
		return new TlsPolicy(properties.configuredMode(), properties.mode(), protocols, cipherSuites,
				this.tls.isVerifyHostname(), this.tls.isAllowPlaintextAuth(), this.tls.isRequireTlsExtension(),
				properties.pinnedPublicKeys(), trustSource, properties.connectTimeout(), properties.readTimeout(),
				properties.writeTimeout());
	}

	private static SSLContext fromBundle(String name, SslBundle bundle, List<String> pins) {
		return PolicySslContextFactory.create(bundle.getManagers().getTrustManagers(),
				bundle.getManagers().getKeyManagers(), "SSL bundle '" + name + "'", pins);
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
