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

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.mailtls.observation.DefaultMailTlsSendObservationConvention;
import io.github.mailtls.observation.MailTlsObservationDocumentation;
import io.github.mailtls.observation.MailTlsSendContext;
import io.github.mailtls.observation.MailTlsSendObservationConvention;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;

/**
 * Observes one {@code send(...)} call as {@code mail.send}, which always ends with a real
 * outcome, and hands the record of every connection use to the listeners.
 */
final class SendRecorder {

	private static final Log logger = LogFactory.getLog(SendRecorder.class);

	private static final MailTlsSendObservationConvention DEFAULT_CONVENTION = new DefaultMailTlsSendObservationConvention();

	private static final Observation.Event CLOSE_FAILED = Observation.Event.of("close.failed",
			"closing a connection failed after the server accepted every message sent over it");

	private final Supplier<? extends List<? extends TlsSendListener>> listenerSource;

	// Resolved at the first send, then kept: later sends pay one volatile read.
	private volatile @Nullable List<TlsSendListener> listeners;

	private volatile ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private volatile @Nullable MailTlsSendObservationConvention observationConvention;

	SendRecorder(Supplier<? extends List<? extends TlsSendListener>> listeners) {
		this.listenerSource = listeners;
	}

	void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	void setObservationConvention(@Nullable MailTlsSendObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Run a call under a {@code mail.send} observation.
	 * @param context the observation context
	 * @param call the call, given where its records and close failures go
	 * @param messages the messages to send
	 * @param originals what to name failed messages by, or {@code null}
	 */
	void observe(MailTlsSendContext context, CallFactory call, MimeMessage[] messages, Object @Nullable [] originals) {
		List<TlsSendListener> listeners = listeners();
		Observation observation = MailTlsObservationDocumentation.MAIL_SEND
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		SendCall sendCall = call.create((record) -> {
			context.setRecord(record);
			notifyListeners(listeners, record);
		}, () -> observation.event(CLOSE_FAILED));
		try (Observation.Scope scope = observation.openScope()) {
			context.setOutcome(sendCall.send(messages, originals));
		}
		catch (RuntimeException ex) {
			context.setOutcome(sendCall.isRefused() ? SendOutcome.REFUSED : SendOutcome.FAILURE);
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Return the listeners, resolving them on the first call. A listener that cannot be
	 * created fails that send before anything is sent, and the next send tries again.
	 */
	List<TlsSendListener> listeners() {
		List<TlsSendListener> resolved = this.listeners;
		if (resolved == null) {
			synchronized (this) {
				resolved = this.listeners;
				if (resolved == null) {
					resolved = List.copyOf(this.listenerSource.get());
					this.listeners = resolved;
				}
			}
		}
		return resolved;
	}

	private static void notifyListeners(List<TlsSendListener> listeners, TlsSendRecord record) {
		for (TlsSendListener listener : listeners) {
			try {
				listener.onSend(record);
			}
			catch (RuntimeException ex) {
				logger.warn("TLS send listener " + listener + " failed", ex);
			}
		}
	}

	/**
	 * Creates the call once the recorder knows where its records go.
	 */
	@FunctionalInterface
	interface CallFactory {

		SendCall create(Consumer<TlsSendRecord> records, Runnable closeFailed);

	}

}
