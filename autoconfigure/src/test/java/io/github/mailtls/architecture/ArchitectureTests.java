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

package io.github.mailtls.architecture;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering rules of the main code, checked the way Spring Boot's own build checks its
 * modules (its {@code ArchitectureCheck} task): no package cycles, observability packages
 * that know nothing of each other, value packages at the bottom, and auto-configurations
 * that are the only users of the auto-configure API.
 */
class ArchitectureTests {

	private static final String ROOT = "io.github.mailtls";

	private static final List<String> OBSERVABILITY = List.of("health", "metrics", "endpoint", "observation");

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ROOT);
	}

	@Test
	void importsTheMainCode() {
		// A rule over no classes passes whatever it says: make sure the import found the
		// code.
		assertThat(classes.containPackage(ROOT + ".autoconfigure")).isTrue();
		assertThat(classes.containPackage(ROOT + ".policy")).isTrue();
		assertThat(classes.containPackage(ROOT + ".record")).isTrue();
		OBSERVABILITY.forEach((name) -> assertThat(classes.containPackage(ROOT + "." + name)).isTrue());
	}

	@Test
	void packagesAreFreeOfCycles() {
		check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
	}

	@Test
	void observabilityPackagesDoNotDependOnEachOther() {
		// Health, metrics, the endpoint and the observation each read what the sender
		// records;
		// one of them can be left out (no Actuator, no Micrometer) without breaking
		// another.
		for (String name : OBSERVABILITY) {
			String[] others = OBSERVABILITY.stream()
				.filter((other) -> !other.equals(name))
				.map((other) -> ROOT + "." + other + "..")
				.toArray(String[]::new);
			check(noClasses().that()
				.resideInAPackage(ROOT + "." + name + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others));
		}
	}

	@Test
	void policyDependsOnNoOtherProjectPackage() {
		check(noClasses().that()
			.resideInAPackage(ROOT + ".policy..")
			.should()
			.dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(ROOT + ".policy.."))));
	}

	@Test
	void recordDependsOnPolicyAtMost() {
		// A record carries the refusal reason of a refused send, so policy is the one
		// project package it may use.
		check(noClasses().that()
			.resideInAPackage(ROOT + ".record..")
			.should()
			.dependOnClassesThat(resideInAPackage(ROOT + "..")
				.and(resideOutsideOfPackages(ROOT + ".record..", ROOT + ".policy.."))));
	}

	@Test
	void autoConfigurationsArePublicAndFinal() {
		check(classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.andShould()
			.resideInAPackage(ROOT + ".autoconfigure"));
	}

	@Test
	void onlyTheAutoConfigurationPackageUsesTheAutoConfigureApi() {
		check(noClasses().that()
			.resideOutsideOfPackage(ROOT + ".autoconfigure")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot.autoconfigure.."));
	}

	private static void check(ArchRule rule) {
		EvaluationResult result = rule.evaluate(classes);
		assertThat(result.hasViolation())
			.as(() -> String.join(System.lineSeparator(), result.getFailureReport().getDetails()))
			.isFalse();
	}

}
