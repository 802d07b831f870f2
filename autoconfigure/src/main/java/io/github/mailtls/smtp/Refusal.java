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
package io.github.mailtls.smtp;

import io.github.mailtls.policy.RefusalReason;

/**
 * Why one of the transport's checks stops a session. The checks only judge what the
 * server said; the transport adds the host and port it is connected to and throws the
 * refusal as an {@link ExplainedConnectionFailure}.
 *
 * @param reason the reason
 * @param detail what happened and what to change
 */
record Refusal(RefusalReason reason, String detail) {

}
