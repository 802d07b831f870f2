package io.github.mailtls.testsupport;

/**
 * Decides whether an {@code XOAUTH2} bearer token is acceptable for a user name, as a
 * mail server's identity provider would.
 *
 * @author mail-tls
 */
@FunctionalInterface
public interface BearerTokenVerifier {

	/**
	 * Return whether the token is currently valid for the user.
	 * @param user the user name the client sent
	 * @param token the bearer token the client sent
	 * @return whether to accept the login
	 */
	boolean isValid(String user, String token);

}
