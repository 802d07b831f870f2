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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;

/**
 * Server side of Google's and Microsoft's {@code XOAUTH2} SASL mechanism. A rejected
 * token gets the failure exchange of RFC 7628 as those servers send it: a {@code 334}
 * challenge carrying a JSON error, and {@code 535} once the client answers it.
 */
final class XOAuth2AuthenticationHandlerFactory implements AuthenticationHandlerFactory {

	private static final String ERROR_CHALLENGE = "334 " + Base64.getEncoder()
		.encodeToString("{\"status\":\"401\",\"schemes\":\"bearer\"}".getBytes(StandardCharsets.US_ASCII));

	private final BearerTokenVerifier verifier;

	private final List<String> presentedTokens = new CopyOnWriteArrayList<>();

	XOAuth2AuthenticationHandlerFactory(BearerTokenVerifier verifier) {
		this.verifier = verifier;
	}

	List<String> presentedTokens() {
		return List.copyOf(this.presentedTokens);
	}

	@Override
	public List<String> getAuthenticationMechanisms() {
		return List.of("XOAUTH2");
	}

	@Override
	public AuthenticationHandler create() {
		return new Handler();
	}

	private final class Handler implements AuthenticationHandler {

		private boolean challenged;

		private @Nullable String user;

		@Override
		public Optional<String> auth(String clientInput, MessageContext context) throws RejectException {
			if (this.challenged) {
				// The client's (empty) answer to the error challenge ends the exchange.
				throw new RejectException(535, "5.7.8 Username and Password not accepted");
			}
			String[] words = clientInput.trim().split(" ");
			if (words.length < 3) {
				// Both Angus and the big providers use the initial response.
				throw new RejectException(501, "5.5.2 XOAUTH2 needs an initial response");
			}
			String[] fields = decode(words[2]).split("\u0001");
			String name = null;
			String token = null;
			for (String field : fields) {
				if (field.startsWith("user=")) {
					name = field.substring("user=".length());
				}
				else if (field.startsWith("auth=Bearer ")) {
					token = field.substring("auth=Bearer ".length());
				}
			}
			if (name == null || token == null) {
				throw new RejectException(501, "5.5.2 Malformed XOAUTH2 initial response");
			}
			XOAuth2AuthenticationHandlerFactory.this.presentedTokens.add(token);
			if (XOAuth2AuthenticationHandlerFactory.this.verifier.isValid(name, token)) {
				this.user = name;
				return Optional.empty();
			}
			this.challenged = true;
			return Optional.of(ERROR_CHALLENGE);
		}

		private static String decode(String base64) throws RejectException {
			try {
				return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw new RejectException(501, "5.5.2 Invalid base64 in XOAUTH2 initial response");
			}
		}

		@Override
		public Object getIdentity() {
			return String.valueOf(this.user);
		}

	}

}
