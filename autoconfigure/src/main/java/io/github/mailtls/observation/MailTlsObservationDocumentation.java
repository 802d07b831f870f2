package io.github.mailtls.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the {@code mail.send} observation. All keys are low cardinality; no key
 * carries subjects, addresses or content.
 *
 * @author mail-tls
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
