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

import java.time.Duration;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import io.github.mailtls.policy.MailTlsConfigurationException;
import io.github.mailtls.policy.TlsMode;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MailTlsPropertiesValidator}. The messages of each check are asserted
 * where users meet them, in the auto-configuration and failure report tests.
 */
class MailTlsPropertiesValidatorTests {

	@Test
	void validateShouldGiveTheValuesOfValidProperties() {
		MailProperties mail = new MailProperties();
		mail.setHost("smtp.example.com");
		MailTlsProperties tls = new MailTlsProperties();
		tls.setProtocols(List.of(" TLSv1.3 "));
		tls.getTimeouts().setRead(Duration.ofSeconds(3));
		MailTlsPropertiesValidator.ValidatedProperties properties = new MailTlsPropertiesValidator(mail, tls)
			.validate();
		assertThat(properties.configuredMode()).isEqualTo(TlsMode.AUTO);
		assertThat(properties.mode()).isEqualTo(TlsMode.STARTTLS);
		assertThat(properties.port()).isEqualTo(25);
		assertThat(properties.protocols()).containsExactly("TLSv1.3");
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.poolSettings()).isNotNull();
		assertThat(properties.poolSettings().validationTimeout()).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void validateShouldCheckEveryPropertyBeforeAnythingIsBuilt() {
		MailProperties mail = new MailProperties();
		MailTlsProperties tls = new MailTlsProperties();
		tls.getPool().setMaxConnections(0);
		assertThatExceptionOfType(MailTlsConfigurationException.class)
			.isThrownBy(() -> new MailTlsPropertiesValidator(mail, tls).validate())
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("mail.tls.pool.max-connections"));
	}

	@Test
	void onlyTheValidatorShouldExplainAutoConfigurationProblems() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.github.mailtls.autoconfigure");
		// The JNDI guard refuses spring.mail.jndi-name, a Boot property mail-tls does
		// not read, from a condition rather than from a value.
		noClasses().that()
			.doNotHaveSimpleName(MailTlsPropertiesValidator.class.getSimpleName())
			.and()
			.doNotHaveSimpleName(MailTlsSenderGuardAutoConfiguration.class.getSimpleName())
			.should()
			.callConstructor(MailTlsConfigurationException.class, String.class, String.class, String.class)
			.because("every mail.tls.* check belongs in MailTlsPropertiesValidator, next to the failure analyzer")
			.check(classes);
	}

}
