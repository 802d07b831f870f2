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
package io.github.mailtls.observation;

import io.micrometer.common.KeyValues;

import io.github.mailtls.observation.MailTlsObservationDocumentation.LowCardinalityKeyNames;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Default convention for {@code mail.send}: TLS mode, protocol, outcome and server host
 * as low cardinality keys, and deliberately no high cardinality keys, so no personal data
 * ends up in metrics or traces.
 *
 * @since 0.1.0
 */
public class DefaultMailTlsSendObservationConvention implements MailTlsSendObservationConvention {

	/**
	 * The tag value for an absent TLS protocol or refusal reason.
	 */
	public static final String NONE = "none";

	/**
	 * The outcome tag value while a send is still running; a finished send always has a
	 * real outcome.
	 */
	public static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return "mail.send";
	}

	@Override
	public String getContextualName(MailTlsSendContext context) {
		return "mail send";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MailTlsSendContext context) {
		TlsSendRecord record = context.getRecord();
		// Without a record the send has not used a connection yet (the active-sends timer
		// reads the keys at start); without an outcome it is still running.
		String mode = (record != null) ? record.security().value() : context.getExpectedSecurity().value();
		String protocol = (record != null && record.protocol() != null) ? record.protocol() : NONE;
		SendOutcome sendOutcome = context.getOutcome();
		String outcome = (sendOutcome != null) ? sendOutcome.value() : UNKNOWN;
		return KeyValues.of(LowCardinalityKeyNames.TLS_MODE.withValue(mode),
				LowCardinalityKeyNames.TLS_PROTOCOL.withValue(protocol),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome),
				LowCardinalityKeyNames.SERVER_ADDRESS.withValue(context.getHost()));
	}

}
