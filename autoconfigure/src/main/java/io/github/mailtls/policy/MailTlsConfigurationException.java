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
package io.github.mailtls.policy;

/**
 * Thrown at startup when the mail TLS configuration is invalid or would weaken the
 * policy. A failure analyzer turns it into a description and an action.
 *
 * @since 0.1.0
 */
public class MailTlsConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Create a new instance.
	 * @param property the property at fault, for example {@code mail.tls.protocols}
	 * @param problem what is wrong
	 * @param action what to change
	 */
	public MailTlsConfigurationException(String property, String problem, String action) {
		super("Invalid mail TLS configuration '%s': %s".formatted(property, problem));
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
