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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Keeps Jakarta Mail from scanning the class path while a message is written. Jakarta
 * Mail 2.1 looks its {@code StreamProvider} up with a new {@link java.util.ServiceLoader}
 * of the thread's context class loader on every part it writes (jakartaee/mail-api#861):
 * each lookup asks every jar for the service file and opens the one that has it anew.
 * While a transport writes a message, the context class loader is replaced by a child of
 * it that answers that one resource from memory, with the same content, and delegates
 * everything else, so the same provider is found without the scan. The child is kept
 * weakly per parent, and strongly only by the transports that use it, so that it never
 * keeps an application's class loader alive.
 */
final class StreamProviderLookup {

	static final String SERVICE_FILE = "META-INF/services/jakarta.mail.util.StreamProvider";

	private static final Map<ClassLoader, WeakReference<Remembering>> children = new WeakHashMap<>();

	private StreamProviderLookup() {
	}

	/**
	 * Return the loader to use as the context class loader while a message is written.
	 * @param original the thread's context class loader
	 * @return a loader that answers the service file from memory, or {@code original}
	 * when it has no such file (Jakarta Mail then falls back to other loaders)
	 */
	static @Nullable ClassLoader loaderFor(@Nullable ClassLoader original) {
		if (original == null || original instanceof Remembering) {
			return original;
		}
		synchronized (children) {
			WeakReference<Remembering> known = children.get(original);
			Remembering child = (known != null) ? known.get() : null;
			if (child == null) {
				child = Remembering.of(original);
				if (child == null) {
					return original;
				}
				children.put(original, new WeakReference<>(child));
			}
			return child;
		}
	}

	/**
	 * The loader one transport writes with, looked up again only when the thread's
	 * context class loader is not the one it was looked up for: the lookup takes a lock
	 * that every transport would otherwise meet on every message. Used under the
	 * transport's monitor.
	 */
	static final class WritingLoader {

		private @Nullable ClassLoader lookedUpFor;

		private @Nullable ClassLoader loader;

		/**
		 * Return the loader to write with while {@code context} is the thread's context
		 * class loader.
		 * @param context the thread's context class loader
		 * @return the loader, as {@link StreamProviderLookup#loaderFor} returns it
		 */
		@Nullable ClassLoader forContext(@Nullable ClassLoader context) {
			if (context != this.lookedUpFor || this.loader == null) {
				this.lookedUpFor = context;
				this.loader = loaderFor(context);
			}
			return this.loader;
		}

	}

	/**
	 * A child loader that remembers its parent's service files for the stream provider.
	 */
	static final class Remembering extends ClassLoader {

		static {
			registerAsParallelCapable();
		}

		private final List<URL> serviceFiles;

		private Remembering(ClassLoader parent, List<URL> serviceFiles) {
			super(parent);
			this.serviceFiles = serviceFiles;
		}

		static @Nullable Remembering of(ClassLoader parent) {
			List<URL> remembered = new ArrayList<>();
			try {
				Enumeration<URL> files = parent.getResources(SERVICE_FILE);
				while (files.hasMoreElements()) {
					URL file = files.nextElement();
					try (InputStream in = file.openStream()) {
						remembered.add(inMemory(file, in.readAllBytes()));
					}
				}
			}
			catch (IOException ex) {
				// Unreadable: let Jakarta Mail look it up itself.
				return null;
			}
			return remembered.isEmpty() ? null : new Remembering(parent, List.copyOf(remembered));
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			return SERVICE_FILE.equals(name) ? Collections.enumeration(this.serviceFiles) : super.getResources(name);
		}

		@SuppressWarnings("deprecation") // URL.of(URI, handler) needs Java 20
		private static URL inMemory(URL original, byte[] content) throws IOException {
			URLStreamHandler handler = new URLStreamHandler() {

				@Override
				protected URLConnection openConnection(URL url) {
					return new URLConnection(url) {

						@Override
						public void connect() {
						}

						@Override
						public InputStream getInputStream() {
							return new ByteArrayInputStream(content);
						}

					};
				}

			};
			return new URL("mail-tls-remembered", null, -1, original.toExternalForm(), handler);
		}

	}

}
