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
package io.github.mailtls.record;

/**
 * Receives the TLS record of every connection use. A {@code send(...)} call uses one
 * connection for all its messages unless one breaks; each use, including an attempt that
 * could not get a connection at all, produces exactly one record with exactly the facts
 * of that use. Beans of this type are picked up by the auto-configured sender; they are
 * called synchronously on the sending thread, so they must be quick and must not throw.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TlsSendListener {

	/**
	 * Called once per connection use, when the use has ended: succeeded, was refused or
	 * failed.
	 * @param record the record
	 */
	void onSend(TlsSendRecord record);

}
