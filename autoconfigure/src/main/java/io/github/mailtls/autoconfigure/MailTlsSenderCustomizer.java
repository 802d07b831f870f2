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

import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * Callback that adjusts the auto-configured {@link TlsEnforcingMailSender} before it is
 * used, so that an application can change it without replacing it (a replacing
 * {@code MailSender} bean turns enforcement, health, metrics and the endpoint off).
 * Customizers run in {@link org.springframework.core.Ordered order}. The TLS policy still
 * applies: weakening Jakarta Mail properties set through the sender are refused.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MailTlsSenderCustomizer {

	/**
	 * Customize the sender.
	 * @param sender the auto-configured sender
	 */
	void customize(TlsEnforcingMailSender sender);

}
