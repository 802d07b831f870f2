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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the {@code mail.send} observation. All keys are low cardinality; no key
 * carries subjects, addresses or content.
 *
 * @since 0.1.0
 */
public enum MailTlsObservationDocumentation implements ObservationDocumentation {

	/**
	 * One send: connection, TLS, authentication and every message of the call.
	 */
	MAIL_SEND {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMailTlsSendObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/**
	 * Low cardinality keys of {@code mail.send}.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * How the connection was protected: implicit, starttls or none.
		 */
		TLS_MODE {
			@Override
			public String asString() {
				return "tls.mode";
			}
		},

		/**
		 * The negotiated TLS protocol, or none.
		 */
		TLS_PROTOCOL {
			@Override
			public String asString() {
				return "tls.protocol";
			}
		},

		/**
		 * How the send ended: success, refused or failure.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The server host.
		 */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		}

	}

}
