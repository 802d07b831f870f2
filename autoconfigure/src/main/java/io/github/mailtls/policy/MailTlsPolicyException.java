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
package io.github.mailtls.policy;

import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailException;

/**
 * Thrown when a connection does not meet the TLS policy, before any message data or
 * credentials are sent over it. Senders report it as the cause of a
 * {@link org.springframework.mail.MailSendException}.
 *
 * @since 0.1.0
 */
public class MailTlsPolicyException extends MailException {

	private final String message;

	private final RefusalReason reason;

	private final String host;

	private final int port;

	private final TlsMode mode;

	/**
	 * Create a new instance.
	 * @param reason why the connection was refused
	 * @param host the server host
	 * @param port the server port
	 * @param mode the effective TLS mode
	 * @param detail what happened and what to change
	 */
	public MailTlsPolicyException(RefusalReason reason, String host, int port, TlsMode mode, String detail) {
		this(message(reason, host, port, mode, detail), reason, host, port, mode);
	}

	private MailTlsPolicyException(String message, RefusalReason reason, String host, int port, TlsMode mode) {
		super(message);
		this.message = message;
		this.reason = reason;
		this.host = host;
		this.port = port;
		this.mode = mode;
	}

	private static String message(RefusalReason reason, String host, int port, TlsMode mode, String detail) {
		return "Refused to send mail to %s:%d (mail.tls.mode=%s, reason %s): %s".formatted(host, port, mode.value(),
				reason.value(), detail);
	}

	/**
	 * Return the message, which always names host, port, mode, reason and what to change.
	 * @return the message, never {@code null}
	 */
	@Override
	public String getMessage() {
		return this.message;
	}

	/**
	 * Return why the connection was refused.
	 * @return the reason
	 */
	public RefusalReason getReason() {
		return this.reason;
	}

	/**
	 * Return the server host.
	 * @return the host
	 */
	public String getHost() {
		return this.host;
	}

	/**
	 * Return the server port.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Return the effective TLS mode at the time of the refusal.
	 * @return the mode
	 */
	public TlsMode getMode() {
		return this.mode;
	}

	/**
	 * Find a policy exception in the cause chain of the given throwable.
	 * @param throwable the throwable to inspect, may be {@code null}
	 * @return the policy exception or {@code null}
	 */
	public static @Nullable MailTlsPolicyException findIn(@Nullable Throwable throwable) {
		Throwable candidate = throwable;
		int depth = 0;
		while (candidate != null && depth++ < 32) {
			if (candidate instanceof MailTlsPolicyException policyException) {
				return policyException;
			}
			candidate = candidate.getCause();
		}
		return null;
	}

}
