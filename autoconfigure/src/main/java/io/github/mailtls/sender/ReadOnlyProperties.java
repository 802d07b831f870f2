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

import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The properties behind the sender's session, fixed when the session is built: a change
 * at runtime could weaken the policy for every later connection, so every mutator throws
 * instead of being obeyed or silently ignored.
 */
final class ReadOnlyProperties extends Properties {

	private final boolean frozen;

	ReadOnlyProperties(Map<?, ?> source) {
		super(source.size());
		source.forEach(super::put);
		this.frozen = true;
	}

	private UnsupportedOperationException readOnly() {
		return new UnsupportedOperationException("The properties of a TLS-enforcing mail session are fixed: set "
				+ "spring.mail.properties.* and mail.tls.* before startup, or call setJavaMailProperties(...) on the "
				+ "sender, which checks them against the TLS policy");
	}

	@Override
	public synchronized @Nullable Object put(Object key, Object value) {
		if (this.frozen) {
			throw readOnly();
		}
		return super.put(key, value);
	}

	@Override
	public synchronized void putAll(Map<?, ?> values) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object setProperty(String key, String value) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object remove(Object key) {
		throw readOnly();
	}

	@Override
	public synchronized boolean remove(Object key, Object value) {
		throw readOnly();
	}

	@Override
	public synchronized void clear() {
		throw readOnly();
	}

	@Override
	public synchronized void load(Reader reader) {
		throw readOnly();
	}

	@Override
	public synchronized void load(InputStream inStream) {
		throw readOnly();
	}

	@Override
	public synchronized void loadFromXML(InputStream in) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object putIfAbsent(Object key, Object value) {
		throw readOnly();
	}

	@Override
	public synchronized boolean replace(Object key, Object oldValue, Object newValue) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object replace(Object key, Object value) {
		throw readOnly();
	}

	@Override
	public synchronized void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object compute(Object key,
			BiFunction<? super Object, ? super @Nullable Object, ? extends @Nullable Object> remappingFunction) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object computeIfAbsent(Object key,
			Function<? super Object, ? extends @Nullable Object> mappingFunction) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object computeIfPresent(Object key,
			BiFunction<? super Object, ? super Object, ? extends @Nullable Object> remappingFunction) {
		throw readOnly();
	}

	@Override
	public synchronized @Nullable Object merge(Object key, Object value,
			BiFunction<? super Object, ? super Object, ? extends @Nullable Object> remappingFunction) {
		throw readOnly();
	}

	@Override
	public Set<Object> keySet() {
		return Collections.unmodifiableSet(super.keySet());
	}

	@Override
	public Set<Map.Entry<Object, Object>> entrySet() {
		return Collections.unmodifiableSet(super.entrySet());
	}

	@Override
	public Collection<Object> values() {
		return Collections.unmodifiableCollection(super.values());
	}

	@Override
	public synchronized boolean equals(@Nullable Object other) {
		return super.equals(other);
	}

	@Override
	public synchronized int hashCode() {
		return super.hashCode();
	}

}
