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
package io.github.mailtls.sender;

/**
 * Looks through a failure's causes for the kind of failure underneath: Angus wraps every
 * I/O failure in a {@code MessagingException}, sometimes twice.
 */
final class Causes {

	// Far deeper than any real chain; ends a cycle.
	private static final int MAX_DEPTH = 32;

	private Causes() {
	}

	/**
	 * Whether one of the failure's causes, not the failure itself, is of one of the
	 * types.
	 * @param failure the failure
	 * @param types the types to look for
	 * @return whether a cause is of one of them
	 */
	static boolean hasCause(Throwable failure, Class<?>... types) {
		Throwable cause = failure.getCause();
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
			for (Class<?> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
			cause = cause.getCause();
		}
		return false;
	}

}
