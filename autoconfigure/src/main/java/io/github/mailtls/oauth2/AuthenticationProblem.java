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

import java.time.Instant;

/**
 * A failure to authenticate to the mail server with an access token, free of secrets.
 *
 * @param reason the low-cardinality reason, for example {@code invalid_client} or
 * {@code token_rejected}
 * @param message the explanation
 * @param timestamp when it happened
 * @since 0.1.0
 */
public record AuthenticationProblem(String reason, String message, Instant timestamp) {

}
