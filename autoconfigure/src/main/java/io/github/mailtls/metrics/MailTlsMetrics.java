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
package io.github.mailtls.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.github.mailtls.sender.TlsProbeListener;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendListener;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.sender.TlsProbeResult;

/**
 * Counts refused sends as {@code mail.tls.policy.violations} and gauges the time until
 * the last certificate seen per server, by a send or a health probe, expires as
 * {@code mail.tls.certificate.expiry}.
 *
 * @since 0.1.0
 */
public class MailTlsMetrics implements TlsSendListener, TlsProbeListener {

	/**
	 * Name of the counter of refused sends.
	 */
	public static final String POLICY_VIOLATIONS = "mail.tls.policy.violations";

	/**
	 * Name of the gauge of the time left until the server certificate expires.
	 */
	public static final String CERTIFICATE_EXPIRY = "mail.tls.certificate.expiry";

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<String, AtomicReference<Instant>> certificateExpiries = new ConcurrentHashMap<>();

	/**
	 * Create a new instance.
	 * @param registry the registry in which the meters are registered
	 * @param clock the clock against which certificate expiry is measured
	 */
	public MailTlsMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public void onSend(TlsSendRecord record) {
		RefusalReason reason = record.reason();
		if (record.outcome() == SendOutcome.REFUSED && reason != null) {
			Counter.builder(POLICY_VIOLATIONS)
				.description("Sends refused by the mail TLS policy")
				.tag("reason", reason.value())
				.register(this.registry)
				.increment();
		}
		certificateSeen(record);
	}

	@Override
	public void onProbe(TlsProbeResult result) {
		certificateSeen(result.connection());
	}

	private void certificateSeen(TlsSendRecord record) {
		CertificateSummary certificate = record.certificate();
		if (certificate == null) {
			return;
		}
		this.certificateExpiries
			.computeIfAbsent(record.host(), (host) -> registerExpiryGauge(host, certificate.notAfter()))
			.set(certificate.notAfter());
	}

	private AtomicReference<Instant> registerExpiryGauge(String host, Instant notAfter) {
		AtomicReference<Instant> expiry = new AtomicReference<>(notAfter);
		Gauge.builder(CERTIFICATE_EXPIRY, expiry, this::secondsUntil)
			.description("Time until the last seen certificate of the mail server expires, negative once expired")
			.tag("server.address", host)
			.baseUnit("seconds")
			.register(this.registry);
		return expiry;
	}

	private double secondsUntil(AtomicReference<Instant> expiry) {
		return Duration.between(this.clock.instant(), expiry.get()).toSeconds();
	}

}
