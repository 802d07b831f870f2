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

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the latest {@link AuthenticationProblem} for the health indicator and tells
 * listeners, such as the {@code mail.tls.auth.token.failures} counter, about each one.
 *
 * @since 0.1.0
 */
public final class AuthenticationProblems {

	private final Clock clock;

	private final List<Consumer<AuthenticationProblem>> listeners = new CopyOnWriteArrayList<>();

	private volatile @Nullable AuthenticationProblem latest;

	/**
	 * Create a new instance.
	 * @param clock the clock that time-stamps problems
	 */
	public AuthenticationProblems(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Record a problem.
	 * @param reason the low-cardinality reason
	 * @param message the explanation, free of secrets
	 */
	public void record(String reason, String message) {
		AuthenticationProblem problem = new AuthenticationProblem(reason, message, this.clock.instant());
		this.latest = problem;
		this.listeners.forEach((listener) -> listener.accept(problem));
	}

	/**
	 * Return the latest problem.
	 * @return the latest problem, or {@code null} if there was none
	 */
	public @Nullable AuthenticationProblem latest() {
		return this.latest;
	}

	/**
	 * Add a listener told about every problem recorded from now on.
	 * @param listener the listener
	 */
	public void addListener(Consumer<AuthenticationProblem> listener) {
		this.listeners.add(listener);
	}

}
