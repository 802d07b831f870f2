package io.github.mailtls.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for the {@code mail.send} observation. Define a bean of
 * this type to replace {@link DefaultMailTlsSendObservationConvention}.
 *
 * @author mail-tls
 */
public interface MailTlsSendObservationConvention extends ObservationConvention<MailTlsSendContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MailTlsSendContext;
	}

}
