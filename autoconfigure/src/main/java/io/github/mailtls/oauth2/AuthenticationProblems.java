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
 * @author mail-tls
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
