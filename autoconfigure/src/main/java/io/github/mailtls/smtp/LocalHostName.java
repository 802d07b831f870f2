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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The name this host announces in EHLO, looked up once: Angus Mail resolves it again for
 * every new connection, which costs a DNS round trip per send. Same rules as Angus: the
 * canonical host name, or the address literal when the name is not qualified.
 *
 * @since 0.1.0
 */
public final class LocalHostName implements Supplier<String> {

	private volatile @Nullable String name;

	@Override
	public String get() {
		String resolved = this.name;
		if (resolved == null) {
			resolved = resolve();
			this.name = resolved;
		}
		return resolved;
	}

	private static String resolve() {
		try {
			InetAddress localHost = InetAddress.getLocalHost();
			String canonical = localHost.getCanonicalHostName();
			if (canonical.indexOf('.') > 0 && !canonical.equals(localHost.getHostAddress())) {
				return canonical;
			}
			return "[" + localHost.getHostAddress() + "]";
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
