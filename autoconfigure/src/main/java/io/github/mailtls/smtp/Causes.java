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

import org.jspecify.annotations.Nullable;

/**
 * Looks through a failure's causes for the kind of failure underneath: Angus wraps every
 * I/O failure in a {@code MessagingException}, sometimes twice. Internal: shared by the
 * transport's failure explanations and the sender.
 *
 * @since 0.1.0
 */
public final class Causes {

	// Far deeper than any real chain; ends a cycle.
	private static final int MAX_DEPTH = 32;

	private Causes() {
	}

	/**
	 * Return the failure itself or the first of its causes of the given type.
	 * @param <T> the type
	 * @param failure the failure
	 * @param type the type to look for
	 * @return the failure or cause of that type, or {@code null}
	 */
	public static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		Throwable candidate = failure;
		for (int depth = 0; candidate != null && depth < MAX_DEPTH; depth++) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

	/**
	 * Whether one of the failure's causes, not the failure itself, is of one of the
	 * types.
	 * @param failure the failure
	 * @param types the types to look for
	 * @return whether a cause is of one of them
	 */
	public static boolean hasCause(Throwable failure, Class<?>... types) {
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
