package io.github.mailtls.sender;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;

import io.github.mailtls.oauth2.AccessTokenException;
import io.github.mailtls.oauth2.AccessTokens;

/**
 * Opens a physical connection authenticated with an OAuth2 access token: asks for a token
 * once, and once more with a forced refresh if the server rejects it, then gives up with
 * an explanation. The token travels only as Angus' {@code XOAUTH2} initial response,
 * after TLS.
 *
 * @author mail-tls
 */
final class TokenAuthentication {

	static final String MECHANISM = "XOAUTH2";

	private final AccessTokens tokens;

	TokenAuthentication(AccessTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * Session properties that make Angus authenticate with {@code XOAUTH2} only and keep
	 * the {@code AUTH} line (which carries the token) out of its debug output.
	 * @return the properties
	 */
	static Properties sessionProperties() {
		Properties properties = new Properties();
		properties.put("mail.smtp.auth", "true");
		// Never PLAIN or LOGIN: the token would be sent as a password.
		properties.put("mail.smtp.auth.mechanisms", MECHANISM);
		properties.put("mail.smtp.sasl.enable", "false");
		properties.put("mail.debug.auth", "false");
		properties.put("mail.debug.auth.password", "false");
		properties.put("mail.debug.auth.username", "false");
		return properties;
	}

	Transport connect(TransportFactory transports, String host, int port, @Nullable String username)
			throws MessagingException {
		if (username == null || username.isEmpty()) {
			throw new AuthenticationFailedException(
					"OAuth2 authentication needs the mailbox as spring.mail.username; it is not set");
		}
		Transport first = transports.create();
		try {
			first.connect(host, port, username, this.tokens.obtain(username, false));
			return first;
		}
		catch (AuthenticationFailedException ex) {
			if (!rejectedByServer(first)) {
				throw ex;
			}
		}
		// The cached token may have been revoked or have expired early: one fresh one.
		Transport second = transports.create();
		try {
			second.connect(host, port, username, this.tokens.obtain(username, true));
			return second;
		}
		catch (AuthenticationFailedException ex) {
			if (!rejectedByServer(second)) {
				throw ex;
			}
			throw this.tokens.rejected(("%s:%d rejected a freshly obtained OAuth2 access token (%s). Check that the "
					+ "application may send as this mailbox: for Microsoft 365 an Exchange service principal with "
					+ "SMTP.SendAsApp and SMTP AUTH enabled for the mailbox; for Google the https://mail.google.com/ "
					+ "scope.")
				.formatted(host, port, describe(ex.getMessage())));
		}
	}

	private static boolean rejectedByServer(Transport transport) {
		return transport instanceof EnforcingSmtpTransport enforcing && enforcing.credentialsRejected();
	}

	/**
	 * Fail unless the server offers {@code XOAUTH2} once TLS is active.
	 * @param transport the transport after its TLS EHLO
	 * @throws AuthenticationFailedException if it does not
	 */
	static void checkOffered(EnforcingSmtpTransport transport) throws AuthenticationFailedException {
		if (!transport.offersAuthentication(MECHANISM)) {
			String offered = transport.getExtensionParameter("AUTH");
			throw new AuthenticationFailedException(("The mail server does not offer AUTH XOAUTH2 after TLS (it offers "
					+ "%s), and an OAuth2 access token is never sent with another mechanism. Use the provider's OAuth2 "
					+ "endpoint (smtp.office365.com or smtp.gmail.com), or remove the token provider and "
					+ "mail.tls.oauth2.client-registration-id to log in with a password.")
				.formatted((offered != null && !offered.isBlank()) ? "AUTH " + offered.trim() : "no AUTH at all"));
		}
	}

	// A 334 reply carries the server's JSON error in base64 (RFC 7628): show it decoded.
	private static String describe(@Nullable String reply) {
		String text = String.valueOf(reply).trim();
		if (text.startsWith("334 ")) {
			try {
				return "334 "
						+ new String(Base64.getDecoder().decode(text.substring(4).trim()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return text;
			}
		}
		return text;
	}

	/**
	 * Return the exception that explains a failed authentication: the
	 * {@link AccessTokenException} if no token could be had, otherwise one with the
	 * message of the underlying failure (a server reply or our explanation, never a
	 * token).
	 * @param failure what Spring reported
	 * @return the exception to throw
	 */
	static MailAuthenticationException explain(MailAuthenticationException failure) {
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof AccessTokenException tokenFailure) {
				return tokenFailure;
			}
		}
		Throwable cause = failure.getCause();
		if (cause instanceof AuthenticationFailedException && cause.getMessage() != null) {
			return new MailAuthenticationException(cause.getMessage(), cause);
		}
		return failure;
	}

	/**
	 * Creates an unconnected transport for one physical connection.
	 */
	@FunctionalInterface
	interface TransportFactory {

		Transport create() throws MessagingException;

	}

}
