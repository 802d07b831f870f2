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
package io.github.mailtls.tls;

import java.io.IOException;

/**
 * Holds back what is written to a connection so that several commands leave in one write:
 * while corked, writes and flushes of the connection's guarded output are kept in memory;
 * uncorking writes them at once and flushes. Only the thread that uses the connection
 * corks it.
 *
 * @since 0.1.0
 */
public interface WriteCork {

	/**
	 * Hold back every write from now on.
	 */
	void cork();

	/**
	 * Write what was held back in one write, flush, and stop holding back.
	 * @throws IOException if the write fails
	 */
	void uncork() throws IOException;

	/**
	 * Drop what was held back and stop holding back: nothing of it reaches the server.
	 */
	void discard();

}
