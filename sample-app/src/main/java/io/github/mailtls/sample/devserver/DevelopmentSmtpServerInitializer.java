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
package io.github.mailtls.sample.devserver;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the {@link DevelopmentSmtpServer} before the application context is refreshed
 * and points {@code spring.mail.*} at it, trusting its generated certificate authority
 * through the {@code dev-smtp} SSL bundle, unless {@code sample.dev-smtp.enabled=false}.
 */
class DevelopmentSmtpServerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String SSL_BUNDLE = "dev-smtp";

	private static final Log logger = LogFactory.getLog(DevelopmentSmtpServerInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		DevelopmentSmtpSettings settings = Binder.get(context.getEnvironment())
			.bindOrCreate("sample.dev-smtp", DevelopmentSmtpSettings.class);
		if (!settings.enabled()) {
			return;
		}
		DevelopmentCertificates certificates = DevelopmentCertificates.generate(settings.certificateValidity());
		Inbox inbox = new Inbox(100);
		DevelopmentSmtpServer server = DevelopmentSmtpServer.start(settings.port(), settings.startTls(),
				certificates.serverSslContext(), inbox);
		// Registered as disposable so that the server also stops when the refresh fails.
		DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
		beanFactory.registerSingleton("developmentSmtpInbox", inbox);
		beanFactory.registerDisposableBean("developmentSmtpServer", server::close);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("developmentSmtpServer", mailProperties(server, certificates)));
		logger.info("Development SMTP server listening on localhost:%d %s; its certificate expires %s".formatted(
				server.port(), settings.startTls() ? "with required STARTTLS" : "WITHOUT TLS",
				certificates.serverCertificate().getNotAfter().toInstant()));
	}

	private static Map<String, Object> mailProperties(DevelopmentSmtpServer server,
			DevelopmentCertificates certificates) {
		Map<String, Object> properties = new LinkedHashMap<>();
		// The host name, not the address, so that hostname verification has a name to
		// check.
		properties.put("spring.mail.host", "localhost");
		properties.put("spring.mail.port", server.port());
		properties.put("mail.tls.ssl-bundle", SSL_BUNDLE);
		properties.put("spring.ssl.bundle.pem." + SSL_BUNDLE + ".truststore.certificate", certificates.authorityPem());
		return properties;
	}

}
