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
package io.github.mailtls.testsupport;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import org.jspecify.annotations.Nullable;

/**
 * A server key manager with one key that presents its certificates exactly as given,
 * without the chain checks of a key store, so that tests can serve crafted chains.
 */
final class PresentedChainKeyManager extends X509ExtendedKeyManager {

	private final String alias;

	private final PrivateKey privateKey;

	private final X509Certificate[] chain;

	PresentedChainKeyManager(String alias, PrivateKey privateKey, List<X509Certificate> chain) {
		this.alias = alias;
		this.privateKey = privateKey;
		this.chain = chain.toArray(X509Certificate[]::new);
	}

	@Override
	public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
		return matches(keyType) ? new String[] { this.alias } : null;
	}

	@Override
	public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
		return matches(keyType) ? this.alias : null;
	}

	@Override
	public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		return matches(keyType) ? this.alias : null;
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(String alias) {
		return this.alias.equals(alias) ? this.chain.clone() : null;
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(String alias) {
		return this.alias.equals(alias) ? this.privateKey : null;
	}

	@Override
	public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
		return null;
	}

	@Override
	public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		return null;
	}

	private boolean matches(String keyType) {
		// JSSE asks per signature scheme with the key algorithm, such as "RSA" or "EC".
		return this.privateKey.getAlgorithm().equalsIgnoreCase(keyType);
	}

}
