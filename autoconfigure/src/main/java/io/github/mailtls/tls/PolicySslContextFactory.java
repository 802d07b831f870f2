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
 * @since 0.1.0
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
