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

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.ServiceLoader;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context class loader used while a message is written finds the same stream provider
 * as the application's, without asking the application's loader again.
 */
class StreamProviderLookupTests {

	@Test
	void lookupsThroughTheChildShouldFindTheParentsProviderWithoutScanningAgain() {
		CountingLoader parent = new CountingLoader(getClass().getClassLoader());
		ClassLoader child = StreamProviderLookup.loaderFor(parent);
		assertThat(child).isNotSameAs(parent);
		assertThat(parent.serviceFileScans).isOne();
		Class<?> expected = ServiceLoader.load(StreamProvider.class, getClass().getClassLoader())
			.findFirst()
			.orElseThrow()
			.getClass();
		for (int i = 0; i < 3; i++) {
			assertThat(ServiceLoader.load(StreamProvider.class, child).findFirst()).get().isInstanceOf(expected);
		}
		assertThat(parent.serviceFileScans).isOne();
		assertThat(StreamProviderLookup.loaderFor(parent)).isSameAs(child);
		assertThat(StreamProviderLookup.loaderFor(child)).isSameAs(child);
	}

	@Test
	void loaderThatHasNoProviderShouldBeLeftAsItIs() {
		ClassLoader withoutMail = new ClassLoader(null) {
		};
		assertThat(StreamProviderLookup.loaderFor(withoutMail)).isSameAs(withoutMail);
		assertThat(StreamProviderLookup.loaderFor(null)).isNull();
	}

	private static final class CountingLoader extends ClassLoader {

		private int serviceFileScans;

		CountingLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (StreamProviderLookup.SERVICE_FILE.equals(name)) {
				this.serviceFileScans++;
			}
			return super.getResources(name);
		}

	}

}
