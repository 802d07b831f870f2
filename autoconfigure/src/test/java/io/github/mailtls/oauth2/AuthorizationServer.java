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
package io.github.mailtls.oauth2;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import io.github.mailtls.testsupport.BearerTokenVerifier;

/**
 * A Spring Authorization Server running in-process on a random port of the loopback
 * interface, with two client-credentials clients: {@code mail-short}, whose access tokens
 * live for the given time, and {@code mail-long}, whose tokens live for ten minutes. It
 * counts the requests to its token endpoint and verifies its own tokens for an SMTP
 * server: signature against its JWK set, expiry (no clock skew), revocation.
 */
final class AuthorizationServer implements AutoCloseable {

	/** The start of every client secret, which must never be logged. */
	static final String SECRET = "client-secret-that-must-not-leak-";

	static final String MAILBOX = "noreply@example.com";

	private final ConfigurableApplicationContext context;

	private final AtomicInteger tokenRequests;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	@SuppressWarnings("unchecked")
	private AuthorizationServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.tokenRequests = context.getBean("tokenRequests", AtomicInteger.class);
		JWKSource<SecurityContext> keys = context.getBean(JWKSource.class);
		this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
		// Expiry is checked below, without the processor's default clock skew.
		this.processor.setJWTClaimsSetVerifier((claims, securityContext) -> {
		});
	}

	static AuthorizationServer start(Duration shortTokenLifetime) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"spring.main.banner-mode=off", "spring.jmx.enabled=false"));
		properties.addAll(client("mail-short", shortTokenLifetime));
		properties.addAll(client("mail-long", Duration.ofMinutes(10)));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new))
			.run();
		return new AuthorizationServer(context);
	}

	private static List<String> client(String id, Duration lifetime) {
		String prefix = "spring.security.oauth2.authorizationserver.client." + id + ".";
		return List.of(prefix + "registration.client-id=" + id,
				prefix + "registration.client-secret={noop}" + secret(id),
				prefix + "registration.client-authentication-methods=client_secret_basic",
				prefix + "registration.authorization-grant-types=client_credentials",
				prefix + "registration.scopes=https://outlook.office365.com/.default",
				prefix + "token.access-token-time-to-live=" + lifetime.toMillis() + "ms");
	}

	static String secret(String clientId) {
		// The authorization server wants a different secret for every client.
		return SECRET + clientId;
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port", "0"));
	}

	String tokenUri() {
		return "http://127.0.0.1:" + port() + "/oauth2/token";
	}

	/**
	 * Return the properties of a Spring Security client registration {@code mail} for one
	 * of this server's clients.
	 * @param clientId {@code mail-short} or {@code mail-long}
	 * @param secret the client secret to send
	 * @return the properties
	 */
	String[] registration(String clientId, String secret) {
		return registration(clientId, secret, tokenUri());
	}

	static String[] registration(String clientId, String secret, String tokenUri) {
		String prefix = "spring.security.oauth2.client.";
		return new String[] { prefix + "registration.mail.provider=mail",
				prefix + "registration.mail.client-id=" + clientId,
				prefix + "registration.mail.client-secret=" + secret,
				prefix + "registration.mail.authorization-grant-type=client_credentials",
				prefix + "registration.mail.scope=https://outlook.office365.com/.default",
				prefix + "provider.mail.token-uri=" + tokenUri };
	}

	int tokenRequests() {
		return this.tokenRequests.get();
	}

	/**
	 * Make the given tokens unacceptable from now on, as an identity provider does when
	 * an administrator revokes sessions.
	 * @param tokens the tokens
	 */
	void revoke(Iterable<String> tokens) {
		tokens.forEach(this.revoked::add);
	}

	BearerTokenVerifier verifier() {
		return (user, token) -> {
			if (!MAILBOX.equals(user) || this.revoked.contains(token)) {
				return false;
			}
			try {
				JWTClaimsSet claims = this.processor.process(token, null);
				Date expiry = claims.getExpirationTime();
				return expiry != null && Instant.now().isBefore(expiry.toInstant());
			}
			catch (Exception ex) {
				return false;
			}
		};
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		AtomicInteger tokenRequests() {
			return new AtomicInteger();
		}

		// EC keys keep a token short enough for SubEthaSMTP's 998-character lines.
		@Bean
		JWKSource<SecurityContext> jwkSource() throws JOSEException {
			return new ImmutableJWKSet<>(new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("mail-test").generate()));
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> es256() {
			return (context) -> context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
		}

		@Bean
		FilterRegistrationBean<Filter> tokenRequestCounter(AtomicInteger tokenRequests) {
			// Ahead of Spring Security's filters, which answer the token endpoint.
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					new TokenRequestCounter(tokenRequests));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	private record TokenRequestCounter(AtomicInteger count) implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (request instanceof HttpServletRequest http && http.getRequestURI().endsWith("/oauth2/token")) {
				this.count.incrementAndGet();
			}
			chain.doFilter(request, response);
		}

	}

}
