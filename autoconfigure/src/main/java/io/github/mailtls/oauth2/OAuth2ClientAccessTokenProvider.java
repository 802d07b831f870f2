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
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;

/**
 * A {@link MailTlsAccessTokenProvider} backed by a Spring Security client registration
 * with the client-credentials grant, such as Microsoft 365's app-only access. Tokens are
 * cached per user name and renewed by Spring Security's
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}, which needs no web
 * request; a forced refresh discards the cached token first. Calls to the token endpoint
 * are bounded by the given timeouts.
 *
 * @since 0.1.0
 */
public final class OAuth2ClientAccessTokenProvider implements MailTlsAccessTokenProvider {

	// RFC 6749 section 5.2 and the codes Spring Security reports itself: anything else
	// becomes "other", so that the metric tag stays bounded.
	private static final Set<String> KNOWN_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
			"unauthorized_client", "unsupported_grant_type", "invalid_scope", "server_error", "temporarily_unavailable",
			"invalid_token_response", "access_denied", "consent_required", "interaction_required");

	private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");

	private static final Pattern ERROR_DESCRIPTION = Pattern
		.compile("\"error_description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,500})\"");

	private final String registrationId;

	private final String tokenUri;

	private final InMemoryOAuth2AuthorizedClientService authorizedClients;

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	/**
	 * Create a provider for a client registration.
	 * @param registrations the client registrations
	 * @param registrationId the id of the registration to use
	 * @param connectTimeout the connect timeout for the token endpoint
	 * @param readTimeout the read timeout for the token endpoint
	 */
	public OAuth2ClientAccessTokenProvider(ClientRegistrationRepository registrations, String registrationId,
			Duration connectTimeout, Duration readTimeout) {
		ClientRegistration registration = registrations.findByRegistrationId(registrationId);
		if (registration == null) {
			throw new IllegalArgumentException("No client registration '" + registrationId + "'");
		}
		this.registrationId = registrationId;
		this.tokenUri = registration.getProviderDetails().getTokenUri();
		this.authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, this.authorizedClients);
		this.manager.setAuthorizedClientProvider(authorizedClientProvider(restClient(connectTimeout, readTimeout)));
	}

	private static OAuth2AuthorizedClientProvider authorizedClientProvider(RestClient restClient) {
		RestClientClientCredentialsTokenResponseClient clientCredentials = new RestClientClientCredentialsTokenResponseClient();
		clientCredentials.setRestClient(restClient);
		RestClientRefreshTokenTokenResponseClient refreshToken = new RestClientRefreshTokenTokenResponseClient();
		refreshToken.setRestClient(restClient);
		return OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((builder) -> builder.accessTokenResponseClient(clientCredentials))
			.refreshToken((builder) -> builder.accessTokenResponseClient(refreshToken))
			.build();
	}

	private static RestClient restClient(Duration connectTimeout, Duration readTimeout) {
		// Spring Security's default client, plus timeouts: its own has none. The JDK's
		// HttpClient, because HttpURLConnection hides the error body of a 401
		// (invalid_client).
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		return RestClient.builder().requestFactory(requestFactory).configureMessageConverters((converters) -> {
			converters.addCustomConverter(new FormHttpMessageConverter());
			converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
		}).defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build();
	}

	@Override
	public String getAccessToken(String username, boolean forceRefresh) {
		if (forceRefresh) {
			// Otherwise the manager would hand out the rejected token until it expires.
			this.authorizedClients.removeAuthorizedClient(this.registrationId, username);
		}
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(username)
			.build();
		OAuth2AuthorizedClient client;
		try {
			client = this.manager.authorize(request);
		}
		catch (OAuth2AuthorizationException ex) {
			throw explain(ex);
		}
		if (client == null) {
			throw new AccessTokenException("unsupported_grant_type",
					("Client registration '%s' cannot obtain a "
							+ "token without a user present: use authorization-grant-type client_credentials")
						.formatted(this.registrationId));
		}
		return client.getAccessToken().getTokenValue();
	}

	private AccessTokenException explain(OAuth2AuthorizationException ex) {
		String code = ex.getError().getErrorCode();
		String where = "Could not obtain an OAuth2 access token for mail from client registration '%s' (token endpoint %s)"
			.formatted(this.registrationId, this.tokenUri);
		HttpStatusCodeException http = find(ex, HttpStatusCodeException.class);
		if ("invalid_token_response".equals(code) && http != null) {
			// Spring Security parses error bodies of 400 only; Microsoft answers
			// invalid_client with 401.
			String body = http.getResponseBodyAsString();
			String error = firstGroup(ERROR, body);
			String description = firstGroup(ERROR_DESCRIPTION, body);
			String reason = (error != null && KNOWN_ERRORS.contains(error)) ? error : "other";
			return new AccessTokenException(
					reason, "%s: HTTP %d%s%s".formatted(where, http.getStatusCode().value(),
							(error != null) ? " " + error : "", (description != null) ? " (" + description + ")" : ""),
					ex);
		}
		if ("invalid_token_response".equals(code)) {
			// Its description can quote the response body: name the I/O failure only.
			IOException io = find(ex, IOException.class);
			if (io != null) {
				String reason = (io instanceof SocketTimeoutException || io instanceof HttpTimeoutException) ? "timeout"
						: "endpoint_unreachable";
				return new AccessTokenException(reason, "%s: %s (%s: %s); check the endpoint and mail.tls.timeouts"
					.formatted(where, reason, io.getClass().getSimpleName(), io.getMessage()), ex);
			}
			return new AccessTokenException(code,
					where + ": invalid_token_response (the endpoint's answer is not " + "an OAuth2 token response)",
					ex);
		}
		String reason = KNOWN_ERRORS.contains(code) ? code : "other";
		String description = ex.getError().getDescription();
		return new AccessTokenException(reason,
				"%s: %s%s".formatted(where, code, (description != null) ? " (" + description + ")" : ""), ex);
	}

	private static @Nullable String firstGroup(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static <T extends Throwable> @Nullable T find(Throwable throwable, Class<T> type) {
		Throwable candidate = throwable;
		for (int depth = 0; candidate != null && depth < 32; depth++) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

}
