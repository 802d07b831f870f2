package io.github.mailtls.sender;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The daemon threads a sender owns.
 *
 * @author mail-tls
 */
final class SenderThreads {

	private SenderThreads() {
	}

	/**
	 * One thread that times socket writes for all connections; without it Angus starts a
	 * thread per connection.
	 * @return the executor
	 */
	static ScheduledThreadPoolExecutor writeTimeoutExecutor() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
				(task) -> daemon(task, "mail-tls-write-timeout"));
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
