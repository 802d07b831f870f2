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

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The daemon threads a sender owns.
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
