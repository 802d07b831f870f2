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

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SpringBootVersionCheck}.
 */
class SpringBootVersionCheckTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void checkOnBoot3ShouldNameTheSupportedVersions() {
		assertThat(SpringBootVersionCheck.unsupported("3.5.7", this.classLoader))
			.isEqualTo("mail-tls supports Spring Boot 4.0.x and 4.1.x on JDK 17 or later, but this application runs "
					+ "on Spring Boot 3.5.7. Use Spring Boot 4.0 or 4.1 with spring-boot-starter-mail, or remove "
					+ "mail-tls-spring-boot-starter.");
	}

	@Test
	void checkOnSupportedLinesShouldPass() {
		assertThat(SpringBootVersionCheck.unsupported("4.0.7", this.classLoader)).isNull();
		assertThat(SpringBootVersionCheck.unsupported("4.1.2", this.classLoader)).isNull();
		assertThat(SpringBootVersionCheck.unsupported(null, this.classLoader)).isNull();
	}

	@Test
	void checkWithoutBoot4MailModuleShouldFailEvenWithoutAVersion() {
		FilteredClassLoader boot3Like = new FilteredClassLoader(SpringBootVersionCheck.BOOT_4_MAIL_CLASS);
		assertThat(SpringBootVersionCheck.unsupported(null, boot3Like)).contains("Spring Boot 4.0.x and 4.1.x")
			.contains(SpringBootVersionCheck.BOOT_4_MAIL_CLASS)
			.contains("of unknown version");
	}

	@Test
	void checkIsRegisteredForEverySpringApplication() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(this.classLoader)
			.load(ApplicationContextInitializer.class)).hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
	}

	@Test
	void startOnThisSpringBootShouldPass() {
		try (ConfigurableApplicationContext context = application(this.classLoader).run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void startWithoutBoot4TypesShouldStopWithTheSupportedVersions() {
		FilteredClassLoader boot3Like = new FilteredClassLoader(SpringBootVersionCheck.BOOT_4_MAIL_CLASS);
		assertThatIllegalStateException().isThrownBy(() -> application(boot3Like).run().close())
			.withMessageStartingWith("mail-tls supports Spring Boot 4.0.x and 4.1.x");
	}

	private static SpringApplication application(ClassLoader classLoader) {
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(classLoader),
				EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.main.banner-mode", "off"));
		return application;
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
