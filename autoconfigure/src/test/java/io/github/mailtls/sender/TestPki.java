package io.github.mailtls.sender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * The certificates shared by the wire tests of one JVM: a trusted CA with server
 * identities for every case, and an identity from a CA nobody trusts.
 *
 * @author mail-tls
 */
final class TestPki {

	static final TestCertificateAuthority CA = TestCertificateAuthority.create("mail-tls test CA");

	static final ServerIdentity LOCALHOST = CA.issueLocalhost();

	static final ServerIdentity EXPIRED = CA.issueExpiredLocalhost();

	static final ServerIdentity WRONG_HOST = CA.issueForHost("wrong.example.org");

	static final ServerIdentity UNTRUSTED = TestCertificateAuthority.create("untrusted CA").issueLocalhost();

	private static final Path CA_PEM = writeCaPem();

	private TestPki() {
	}

	/**
	 * Return the location of the CA certificate, as an SSL bundle expects it.
	 * @return the location
	 */
	static String caPemLocation() {
		return "file:" + CA_PEM;
	}

	private static Path writeCaPem() {
		try {
			Path file = Files.createTempFile("mail-tls-ca", ".pem");
			file.toFile().deleteOnExit();
			CA.writeCertificatePem(file);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
