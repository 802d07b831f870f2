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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Stops an application on an unsupported Spring Boot line before any auto-configuration
 * is read, with a message that names the supported versions, instead of the
 * {@link NoClassDefFoundError} that the Boot 4 types would otherwise cause on Boot 3.
 * <p>
 * Registered in {@code META-INF/spring.factories} as an
 * {@link ApplicationContextInitializer}, a contract that Spring Boot 3 and 4 both read,
 * and written against types that both lines have.
 */
class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String SUPPORTED = "Spring Boot 4.0.x and 4.1.x";

	/** A Boot 4 type that the starter needs and that Boot 3 does not have. */
	static final String BOOT_4_MAIL_CLASS = "org.springframework.boot.mail.autoconfigure.MailProperties";

	private static final Log logger = LogFactory.getLog(SpringBootVersionCheck.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ClassLoader classLoader = context.getClassLoader();
		String version = SpringBootVersion.getVersion();
		String problem = unsupported(version, (classLoader != null) ? classLoader : getClass().getClassLoader());
		if (problem != null) {
			throw new IllegalStateException(problem);
		}
		if (version != null && isNewerThanTested(version)) {
			logger
				.warn("mail-tls is tested with %s; this application runs Spring Boot %s".formatted(SUPPORTED, version));
		}
	}

	/**
	 * Return why the given Spring Boot cannot run the starter, or {@code null} when it
	 * can.
	 * @param version the Spring Boot version, {@code null} when the jar does not say
	 * @param classLoader the application's class loader
	 * @return the message to stop the application with, or {@code null}
	 */
	static @Nullable String unsupported(@Nullable String version, ClassLoader classLoader) {
		int major = major(version);
		if (major != -1 && major < 4) {
			return message("Spring Boot " + version);
		}
		if (!ClassUtils.isPresent(BOOT_4_MAIL_CLASS, classLoader)) {
			// Version unknown (repackaged jars may lose it) or Boot 4 without its mail
			// module.
			return message("a class path without " + BOOT_4_MAIL_CLASS + " (Spring Boot "
					+ ((version != null) ? version : "of unknown version") + ")");
		}
		return null;
	}

	private static String message(String found) {
		return ("mail-tls supports %s on JDK 17 or later, but this application runs on %s. Use Spring Boot 4.0 "
				+ "or 4.1 with spring-boot-starter-mail, or remove mail-tls-spring-boot-starter.")
			.formatted(SUPPORTED, found);
	}

	private static boolean isNewerThanTested(String version) {
		int major = major(version);
		return major > 4 || (major == 4 && minor(version) > 1);
	}

	private static int major(@Nullable String version) {
		return part(version, 0);
	}

	private static int minor(@Nullable String version) {
		return part(version, 1);
	}

	private static int part(@Nullable String version, int index) {
		if (version == null) {
			return -1;
		}
		String[] parts = version.split("[.-]");
		if (parts.length <= index) {
			return -1;
		}
		try {
			return Integer.parseInt(parts[index]);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
