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
package io.github.mailtls.testsupport;

/**
 * Transforms the bytes that a {@link StripTlsProxy} relays in one direction of one
 * connection.
 */
interface RelayFilter {

	/**
	 * A filter that forwards everything unchanged.
	 */
	RelayFilter NONE = (bytes) -> bytes;

	/**
	 * Accept the next bytes read and return those to forward now.
	 * @param bytes the bytes read
	 * @return the bytes to forward, possibly empty when held back
	 */
	byte[] apply(byte[] bytes);

	/**
	 * Return whatever is still held back once the sender has finished.
	 * @return the remaining bytes to forward
	 */
	default byte[] finish() {
		return new byte[0];
	}

}
