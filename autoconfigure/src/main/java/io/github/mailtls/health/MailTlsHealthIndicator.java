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
package io.github.mailtls.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.github.mailtls.oauth2.AuthenticationProblem;
import io.github.mailtls.oauth2.AuthenticationProblems;
import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.sender.TlsEnforcingMailSender;
import io.github.mailtls.sender.TlsProbeListener;
import io.github.mailtls.sender.TlsProbeResult;

/**
 * Health of the mail server as the TLS policy sees it, from a connect, TLS and EHLO probe
 * (no authentication, no message) made at most once per cache time-to-live.
 *
 * @since 0.1.0
 */
public class MailTlsHealthIndicator extends AbstractHealthIndicator {

	private final CachedProbe probe;

	private final String location;

	private final String policyMode;

	private final LatestTlsSend latestSend;

	private final Duration certificateExpiryWarning;

	private final Clock clock;

	private volatile @Nullable AuthenticationProblems authenticationProblems;

	/**
	 * Create a new indicator.
	 * @param sender the sender whose server is probed
	 * @param latestSend the record of the latest real send
	 * @param cacheTtl how long a probe result is reused
	 * @param certificateExpiryWarning the remaining validity below which the certificate
	 * is reported as expiring
	 * @param probeListeners the listeners told about each probe connection
	 * @param clock the clock for the cache and the certificate validity
	 */
	public MailTlsHealthIndicator(TlsEnforcingMailSender sender, LatestTlsSend latestSend, Duration cacheTtl,
			Duration certificateExpiryWarning, List<TlsProbeListener> probeListeners, Clock clock) {
		super("Mail TLS health check failed");
		this.probe = new CachedProbe(sender::probe, cacheTtl, clock, probeListeners);
		this.location = ((sender.getHost() != null) ? sender.getHost() : "localhost") + ":" + sender.getPort();
		this.policyMode = sender.getPolicy().mode().value();
		this.latestSend = latestSend;
		this.certificateExpiryWarning = certificateExpiryWarning;
		this.clock = clock;
	}

	/**
	 * Report the latest failure to authenticate with an OAuth2 access token as
	 * {@code lastAuthenticationProblem}. The probe itself never authenticates.
	 * @param authenticationProblems the record of failures, or {@code null}
	 */
	public void setAuthenticationProblems(@Nullable AuthenticationProblems authenticationProblems) {
		this.authenticationProblems = authenticationProblems;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		CachedProbe.Snapshot snapshot = this.probe.get();
		TlsProbeResult result = snapshot.result();
		TlsSendRecord connection = (result != null) ? result.connection() : null;
		if (snapshot.isSuccessful()) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("location",
				(connection != null) ? connection.host() + ":" + connection.port() : this.location);
		builder.withDetail("policy", this.policyMode);
		if (connection != null) {
			addConnectionDetails(builder, connection);
		}
		String error = snapshot.error();
		if (error != null) {
			builder.withDetail("error", error);
		}
		builder.withDetail("checkedAt", snapshot.checkedAt().toString());
		TlsSendRecord lastSend = this.latestSend.get();
		if (lastSend != null) {
			builder.withDetail("lastSend", lastSendDetails(lastSend));
		}
		AuthenticationProblems problems = this.authenticationProblems;
		AuthenticationProblem problem = (problems != null) ? problems.latest() : null;
		if (problem != null) {
			builder.withDetail("lastAuthenticationProblem", Map.of("reason", problem.reason(), "message",
					problem.message(), "timestamp", problem.timestamp().toString()));
		}
	}

	private void addConnectionDetails(Health.Builder builder, TlsSendRecord connection) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mode", connection.security().value());
		putIfPresent(details, "protocol", connection.protocol());
		putIfPresent(details, "cipherSuite", connection.cipherSuite());
		RefusalReason reason = connection.reason();
		putIfPresent(details, "reason", (reason != null) ? reason.value() : null);
		builder.withDetails(details);
		CertificateSummary certificate = connection.certificate();
		if (certificate != null) {
			// Expiry is judged at poll time, so a cached probe does not hide a deadline
			// passing.
			Instant now = this.clock.instant();
			Map<String, Object> certificateDetails = new LinkedHashMap<>();
			certificateDetails.put("subject", certificate.subject());
			certificateDetails.put("issuer", certificate.issuer());
			certificateDetails.put("notAfter", certificate.notAfter().toString());
			certificateDetails.put("daysLeft", Duration.between(now, certificate.notAfter()).toDays());
			builder.withDetail("certificate", certificateDetails);
			builder.withDetail("certificateExpiring",
					!certificate.notAfter().isAfter(now.plus(this.certificateExpiryWarning)));
		}
	}

	private static Map<String, Object> lastSendDetails(TlsSendRecord record) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("outcome", record.outcome().value());
		details.put("mode", record.security().value());
		putIfPresent(details, "protocol", record.protocol());
		putIfPresent(details, "cipherSuite", record.cipherSuite());
		RefusalReason reason = record.reason();
		putIfPresent(details, "reason", (reason != null) ? reason.value() : null);
		details.put("timestamp", record.timestamp().toString());
		return details;
	}

	private static void putIfPresent(Map<String, Object> details, String key, @Nullable Object value) {
		if (value != null) {
			details.put(key, value);
		}
	}

}
