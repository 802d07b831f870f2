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
package io.github.mailtls.benchmarks;

import io.github.mailtls.benchmarks.BenchmarkServer.Listener;

/**
 * One measured situation: which listener, how many sending threads, and whether each
 * message carries an attachment.
 *
 * @param name the name in the report
 * @param listener the server listener (and so the TLS mode)
 * @param threads the number of threads sending at once
 * @param attachmentBytes size of the attachment of each message, {@code 0} for none
 */
record Workload(String name, Listener listener, int threads, int attachmentBytes) {

	/**
	 * Return the attachment of every message of this workload.
	 * @return the bytes, empty when there is none
	 */
	byte[] attachment() {
		byte[] bytes = new byte[this.attachmentBytes];
		// Printable, varied content: the same on every run, and not compressible to
		// nothing.
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) ('A' + (i * 31 + i / 97) % 26);
		}
		return bytes;
	}

}
