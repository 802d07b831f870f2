package io.github.mailtls.it;

import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * The certificate authority behind every Postfix certificate in this suite, and one that
 * issued none of them.
 *
 * @author mail-tls
 */
final class TestAuthorities {

	/** Issues the certificates of every {@link PostfixContainer} in this suite. */
	static final TestCertificateAuthority POSTFIX = TestCertificateAuthority.create("mail-tls Postfix test CA");

	/** Trusted by no Postfix listener: a client that trusts only this one must refuse. */
	static final TestCertificateAuthority UNRELATED = TestCertificateAuthority.create("mail-tls unrelated CA");

	private TestAuthorities() {
	}

}
