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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import io.github.mailtls.observation.DefaultMailTlsSendObservationConvention;
import io.github.mailtls.observation.MailTlsObservationDocumentation;
import io.github.mailtls.observation.MailTlsSendContext;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Observes one send as {@code mail.send}, turns its end into a {@link TlsSendRecord} for
 * the listeners, and makes the exception of a refused send lead with the refusal.
 */
final class SendRecorder {

	private static final Log logger = LogFactory.getLog(SendRecorder.class);

	private static final MailTlsSendObservationConvention DEFAULT_CONVENTION = new DefaultMailTlsSendObservationConvention();

	private final List<TlsSendListener> listeners;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable MailTlsSendObservationConvention observationConvention;

	SendRecorder(List<TlsSendListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	void setObservationConvention(@Nullable MailTlsSendObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	void record(MailTlsSendContext context, Runnable send, Supplier<@Nullable ConnectionAttempt> attempt) {
		Instant started = Instant.now();
		long startedNanos = System.nanoTime();
		Observation observation = MailTlsObservationDocumentation.MAIL_SEND
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			send.run();
			finish(context, attempt.get(), SendOutcome.SUCCESS, null, started, startedNanos);
		}
		catch (MailSendException ex) {
			MailTlsPolicyException refusal = findRefusal(ex);
			finish(context, attempt.get(), (refusal != null) ? SendOutcome.REFUSED : SendOutcome.FAILURE,
					(refusal != null) ? refusal.getReason() : null, started, startedNanos);
			MailSendException explained = explained(ex, refusal);
			observation.error(explained);
			throw explained;
		}
		catch (MailException ex) {
			finish(context, attempt.get(), SendOutcome.FAILURE, null, started, startedNanos);
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private void finish(MailTlsSendContext context, @Nullable ConnectionAttempt attempt, SendOutcome outcome,
			@Nullable RefusalReason reason, Instant started, long startedNanos) {
		if (attempt == null) {
			// The send ended before a connection was attempted: nothing to report about
			// TLS.
			return;
		}
		TlsSendRecord record = attempt.toRecord(outcome, reason, context.getMessageCount(), started, startedNanos);
		context.setRecord(record);
		for (TlsSendListener listener : this.listeners) {
			try {
				listener.onSend(record);
			}
			catch (RuntimeException ex) {
				logger.warn("TLS send listener " + listener + " failed", ex);
			}
		}
	}

	private static @Nullable MailTlsPolicyException findRefusal(MailSendException ex) {
		MailTlsPolicyException refusal = MailTlsPolicyException.findIn(ex);
		if (refusal != null) {
			return refusal;
		}
		for (Exception failure : ex.getFailedMessages().values()) {
			refusal = MailTlsPolicyException.findIn(failure);
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	private static MailSendException explained(MailSendException ex, @Nullable MailTlsPolicyException refusal) {
		Throwable cause = ex.getCause();
		String explanation = (refusal != null) ? refusal.getMessage()
				: (cause instanceof ExplainedConnectionFailure) ? cause.getMessage() : null;
		if (explanation == null) {
			return ex;
		}
		Map<Object, Exception> failedMessages = ex.getFailedMessages();
		MailSendException explained = new MailSendException(explanation, cause, failedMessages);
		explained.setStackTrace(ex.getStackTrace());
		return explained;
	}

}
