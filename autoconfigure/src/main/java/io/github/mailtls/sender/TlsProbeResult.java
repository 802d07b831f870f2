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
package io.github.mailtls.sender;

import org.jspecify.annotations.Nullable;

import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;

/**
 * The result of {@link TlsEnforcingMailSender#probe()}.
 *
 * @param connection what the probe connection negotiated; its message count is zero
 * @param error why the probe failed or was refused, {@code null} on success
 * @since 0.1.0
 */
public record TlsProbeResult(TlsSendRecord connection, @Nullable String error) {

	/**
	 * Whether TLS was negotiated under the policy and the server answered EHLO.
	 * @return {@code true} on success
	 */
	public boolean isSuccessful() {
		return this.connection.outcome() == SendOutcome.SUCCESS;
	}

}
