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

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.mailtls.fixtures.MutableClock;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.record.SendOutcome;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.record.TransportSecurity;
import io.github.mailtls.sender.TlsProbeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailTlsMetrics}.
 */
class MailTlsMetricsTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final String HOST = "smtp.example.com";

	private final MutableClock clock = new MutableClock(NOW);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MailTlsMetrics metrics = new MailTlsMetrics(this.registry, this.clock);

	@Test
	void onSendWhenRefusedShouldCountViolationsByReason() {
		this.metrics.onSend(refused(RefusalReason.STARTTLS_NOT_OFFERED));
		this.metrics.onSend(refused(RefusalReason.STARTTLS_NOT_OFFERED));
		this.metrics.onSend(refused(RefusalReason.PIN_MISMATCH));
		this.metrics.onSend(record(HOST, SendOutcome.SUCCESS, null, null));
		this.metrics.onSend(record(HOST, SendOutcome.FAILURE, null, null));
		assertThat(violations("starttls_not_offered")).isEqualTo(2);
		assertThat(violations("pin_mismatch")).isEqualTo(1);
		assertThat(this.registry.find("mail.tls.policy.violations").counters()).hasSize(2);
	}

	@Test
	void onSendWithCertificateShouldGaugeSecondsUntilExpiry() {
		this.metrics.onSend(succeeded(HOST, Duration.ofDays(10)));
		Gauge gauge = expiry(HOST);
		assertThat(gauge.getId().getBaseUnit()).isEqualTo("seconds");
		assertThat(gauge.value()).isEqualTo(Duration.ofDays(10).toSeconds());
		this.clock.advance(Duration.ofDays(1));
		assertThat(gauge.value()).isEqualTo(Duration.ofDays(9).toSeconds());
	}

	@Test
	void gaugeWhenCertificateHasExpiredShouldBeNegative() {
		this.metrics.onSend(succeeded(HOST, Duration.ofHours(1)));
		this.clock.advance(Duration.ofHours(3));
		assertThat(expiry(HOST).value()).isEqualTo(-Duration.ofHours(2).toSeconds());
	}

	@Test
	void onProbeShouldReplaceTheCertificateOfTheSameServer() {
		this.metrics.onSend(succeeded(HOST, Duration.ofDays(2)));
		this.metrics.onProbe(new TlsProbeResult(succeeded(HOST, Duration.ofDays(90)), null));
		assertThat(this.registry.find("mail.tls.certificate.expiry").gauges()).singleElement()
			.satisfies((gauge) -> assertThat(gauge.value()).isEqualTo(Duration.ofDays(90).toSeconds()));
	}

	@Test
	void onSendShouldGaugeEachServerSeparately() {
		this.metrics.onSend(succeeded("a.example.com", Duration.ofDays(1)));
		this.metrics.onSend(succeeded("b.example.com", Duration.ofDays(2)));
		assertThat(expiry("a.example.com").value()).isEqualTo(Duration.ofDays(1).toSeconds());
		assertThat(expiry("b.example.com").value()).isEqualTo(Duration.ofDays(2).toSeconds());
	}

	@Test
	void onSendWithoutCertificateShouldNotRegisterGauge() {
		this.metrics.onSend(refused(RefusalReason.CERTIFICATE_UNTRUSTED));
		assertThat(this.registry.find("mail.tls.certificate.expiry").gauges()).isEmpty();
	}

	@Test
	void scrapeShouldShowPrometheusNames() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		MailTlsMetrics metrics = new MailTlsMetrics(prometheus, this.clock);
		metrics.onSend(refused(RefusalReason.STARTTLS_NOT_OFFERED));
		metrics.onSend(succeeded(HOST, Duration.ofDays(10)));
		assertThat(prometheus.scrape()).contains("# TYPE mail_tls_policy_violations_total counter")
			.contains("mail_tls_policy_violations_total{reason=\"starttls_not_offered\"} 1.0")
			.contains("# TYPE mail_tls_certificate_expiry_seconds gauge")
			.contains("mail_tls_certificate_expiry_seconds{server_address=\"smtp.example.com\"} 864000.0");
	}

	private double violations(String reason) {
		return this.registry.get("mail.tls.policy.violations").tag("reason", reason).counter().count();
	}

	private Gauge expiry(String host) {
		return this.registry.get("mail.tls.certificate.expiry").tag("server.address", host).gauge();
	}

	private static TlsSendRecord refused(RefusalReason reason) {
		return record(HOST, SendOutcome.REFUSED, reason, null);
	}

	private static TlsSendRecord succeeded(String host, Duration certificateValidity) {
		CertificateSummary certificate = new CertificateSummary("CN=" + host, "CN=Example CA",
				NOW.plus(certificateValidity), "sha256/AAAA");
		return record(host, SendOutcome.SUCCESS, null, certificate);
	}

	private static TlsSendRecord record(String host, SendOutcome outcome, @Nullable RefusalReason reason,
			@Nullable CertificateSummary certificate) {
		boolean tls = certificate != null;
		return new TlsSendRecord(NOW, host, 587, TransportSecurity.STARTTLS, tls ? "TLSv1.3" : null,
				tls ? "TLS_AES_128_GCM_SHA256" : null, tls, certificate, true, false, false, false, outcome, reason, 1,
				Duration.ofMillis(20));
	}

}
