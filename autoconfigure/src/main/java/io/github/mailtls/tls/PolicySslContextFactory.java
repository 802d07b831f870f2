package io.github.mailtls.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jspecify.annotations.Nullable;

/**
 * Creates the single {@link SSLContext} a sender uses, with the trust decision wrapped so
 * that a rejected certificate carries a precise refusal reason. One context per sender
 * lets JSSE resume TLS sessions across connections.
 *
 * @author mail-tls
 */
public final class PolicySslContextFactory {

	private PolicySslContextFactory() {
	}

	/**
	 * Create a context that trusts what the JDK's default trust store trusts.
	 * @param pinnedPublicKeys the public key pins to check on top of trust, may be empty
	 * @return the context
	 */
	public static SSLContext withJdkTrust(List<String> pinnedPublicKeys) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init((KeyStore) null);
			return create(factory.getTrustManagers(), null, "the JDK trust store", pinnedPublicKeys);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot load the JDK trust store", ex);
		}
	}

	/**
	 * Create a context from the given managers.
	 * @param trustManagers the trust managers, one of which must be an
	 * {@link X509ExtendedTrustManager}
	 * @param keyManagers the key managers for a client certificate, or {@code null}
	 * @param trustSource a description of the trust material for error messages
	 * @param pinnedPublicKeys the public key pins to check on top of trust, may be empty
	 * @return the context
	 */
	public static SSLContext create(TrustManager[] trustManagers, KeyManager @Nullable [] keyManagers,
			String trustSource, List<String> pinnedPublicKeys) {
		X509ExtendedTrustManager trustManager = Arrays.stream(trustManagers)
			.filter(X509ExtendedTrustManager.class::isInstance)
			.map(X509ExtendedTrustManager.class::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No X509ExtendedTrustManager in " + trustSource));
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers,
					new TrustManager[] { new PolicyTrustManager(trustManager, trustSource, pinnedPublicKeys) }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create an SSL context from " + trustSource, ex);
		}
	}

}
