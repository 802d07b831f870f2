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
package io.github.mailtls.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.github.mailtls.policy.RefusalReason;
import io.github.mailtls.policy.TlsPolicy;
import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.record.TlsSendRecord;
import io.github.mailtls.sender.TlsEnforcingMailSender;

/**
 * {@link Endpoint @Endpoint} that shows the effective mail TLS policy, without secrets,
 * and what TLS the most recent sends negotiated.
 *
 * @since 0.1.0
 */
@Endpoint(id = "mailtls")
public class MailTlsEndpoint {

	private final TlsEnforcingMailSender sender;

	private final RecentTlsSends recentSends;

	/**
	 * Create a new endpoint.
	 * @param sender the sender whose policy is shown
	 * @param recentSends the buffer of recent send records
	 */
	public MailTlsEndpoint(TlsEnforcingMailSender sender, RecentTlsSends recentSends) {
		this.sender = sender;
		this.recentSends = recentSends;
	}

	/**
	 * Describe the server, the policy and the recent sends.
	 * @return the description
	 */
	@ReadOperation
	public MailTlsDescriptor mailTls() {
		String host = (this.sender.getHost() != null) ? this.sender.getHost() : "localhost";
		return new MailTlsDescriptor(host, this.sender.getPort(), PolicyDescriptor.of(this.sender.getPolicy()),
				this.recentSends.newestFirst().stream().map(SendDescriptor::of).toList());
	}

	/**
	 * Description of the mail server, its TLS policy and the recent sends.
	 *
	 * @param host the server host
	 * @param port the server port
	 * @param policy the effective policy
	 * @param recentSends the most recent sends, newest first
	 */
	public record MailTlsDescriptor(String host, int port, PolicyDescriptor policy,
			List<SendDescriptor> recentSends) implements OperationResponseBody {

	}

	/**
	 * Description of the effective TLS policy.
	 *
	 * @param configuredMode the mode as configured, possibly {@code auto}
	 * @param mode the mode applied to the server port
	 * @param protocols the allowed TLS protocols
	 * @param cipherSuites the allowed cipher suites, empty for the JDK defaults
	 * @param verifyHostname whether the certificate must match the host name
	 * @param allowPlaintextAuth whether credentials may cross without TLS
	 * @param requireTlsExtension whether messages are sent with REQUIRETLS (RFC 8689)
	 * @param pinnedPublicKeys the allowed public key pins, empty for no pinning
	 * @param trustSource where trust material comes from
	 * @param timeouts the connect, read and write timeouts as ISO-8601 durations
	 */
	public record PolicyDescriptor(String configuredMode, String mode, List<String> protocols,
			List<String> cipherSuites, boolean verifyHostname, boolean allowPlaintextAuth, boolean requireTlsExtension,
			List<String> pinnedPublicKeys, String trustSource, TimeoutsDescriptor timeouts) {

		static PolicyDescriptor of(TlsPolicy policy) {
			return new PolicyDescriptor(policy.configuredMode().value(), policy.mode().value(), policy.protocols(),
					policy.cipherSuites(), policy.verifyHostname(), policy.allowPlaintextAuth(),
					policy.requireTlsExtension(), policy.pinnedPublicKeys(), policy.trustSource(),
					new TimeoutsDescriptor(policy.connectTimeout().toString(), policy.readTimeout().toString(),
							policy.writeTimeout().toString()));
		}

	}

	/**
	 * Socket timeouts as ISO-8601 durations, for example {@code PT10S}.
	 *
	 * @param connect the connect timeout
	 * @param read the read timeout
	 * @param write the write timeout
	 */
	public record TimeoutsDescriptor(String connect, String read, String write) {

	}

	/**
	 * Description of one send's TLS record.
	 *
	 * @param timestamp when the send started, ISO-8601
	 * @param host the server host
	 * @param port the server port
	 * @param mode how the connection was protected: implicit, starttls or none
	 * @param protocol the negotiated TLS protocol, {@code null} without TLS
	 * @param cipherSuite the negotiated cipher suite, {@code null} without TLS
	 * @param peerCertificateVerified whether the server certificate was verified
	 * @param certificate the server certificate, {@code null} without TLS
	 * @param startTlsAdvertised whether the server advertised STARTTLS
	 * @param requireTlsUsed whether the REQUIRETLS extension was used
	 * @param connectionReused whether a pooled connection was reused
	 * @param tlsSessionResumed whether the TLS handshake resumed an earlier session
	 * @param outcome success, refused or failure
	 * @param reason the refusal reason, {@code null} unless refused
	 * @param messageCount how many messages the send carried
	 * @param durationMillis how long the send took, in milliseconds
	 */
	public record SendDescriptor(String timestamp, String host, int port, String mode, @Nullable String protocol,
			@Nullable String cipherSuite, boolean peerCertificateVerified, @Nullable CertificateDescriptor certificate,
			boolean startTlsAdvertised, boolean requireTlsUsed, boolean connectionReused, boolean tlsSessionResumed,
			String outcome, @Nullable String reason, int messageCount, long durationMillis) {

		static SendDescriptor of(TlsSendRecord record) {
			RefusalReason reason = record.reason();
			CertificateSummary certificate = record.certificate();
			return new SendDescriptor(record.timestamp().toString(), record.host(), record.port(),
					record.security().value(), record.protocol(), record.cipherSuite(),
					record.peerCertificateVerified(),
					(certificate != null) ? CertificateDescriptor.of(certificate) : null, record.startTlsAdvertised(),
					record.requireTlsUsed(), record.connectionReused(), record.tlsSessionResumed(),
					record.outcome().value(), (reason != null) ? reason.value() : null, record.messageCount(),
					record.duration().toMillis());
		}

	}

	/**
	 * Description of a server certificate.
	 *
	 * @param subject the subject distinguished name
	 * @param issuer the issuer distinguished name
	 * @param notAfter the end of the validity period, ISO-8601
	 * @param spkiSha256 the public key pin, {@code sha256/<base64>}
	 */
	public record CertificateDescriptor(String subject, String issuer, String notAfter, String spkiSha256) {

		static CertificateDescriptor of(CertificateSummary certificate) {
			return new CertificateDescriptor(certificate.subject(), certificate.issuer(),
					certificate.notAfter().toString(), certificate.spkiSha256());
		}

	}

}
