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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One row of the raw-key table: a Jakarta Mail key, what a sender does with it, and what
 * to use instead.
 *
 * @param key the key; keys under {@code mail.smtp.} stand for the same key under
 * {@code mail.smtps.} too
 * @param fate what a sender does with the key
 * @param use what to use instead, or why the key is harmless
 * @param harmlessValue for a refused key, the value (Angus' default) that is accepted
 * because it changes nothing, or {@code null}
 */
record RawProperty(String key, Fate fate, String use, @Nullable String harmlessValue) {

	static final String SMTP = "mail.smtp.";

	static final String SMTPS = "mail.smtps.";

	static RawProperty passes(String key, String note) {
		return new RawProperty(key, Fate.PASSES_THROUGH, note, null);
	}

	static RawProperty owned(String key, String use) {
		return new RawProperty(key, Fate.OWNED, use, null);
	}

	static RawProperty refused(String key, String use) {
		return new RawProperty(key, Fate.REFUSED, use, null);
	}

	static RawProperty refusedUnless(String key, String harmlessValue, String use) {
		return new RawProperty(key, Fate.REFUSED, use, harmlessValue);
	}

	/**
	 * Whether this row covers the given raw key, compared without case so that a key
	 * spelt differently cannot slip through.
	 * @param raw a raw key
	 * @return whether the row applies
	 */
	boolean matches(String raw) {
		String candidate = raw.toLowerCase(Locale.ROOT);
		String own = this.key.toLowerCase(Locale.ROOT);
		if (candidate.equals(own)) {
			return true;
		}
		return own.startsWith(SMTP) && candidate.equals(SMTPS + own.substring(SMTP.length()));
	}

	boolean isHarmless(String value) {
		return this.harmlessValue != null && this.harmlessValue.equalsIgnoreCase(value.trim());
	}

	/**
	 * What a sender does with a raw key.
	 */
	enum Fate {

		/**
		 * Handed to Angus unchanged: it cannot weaken the policy.
		 */
		PASSES_THROUGH("passes through"),

		/**
		 * Set by the policy: a raw value that differs fails startup, an equal one is
		 * ignored with a warning.
		 */
		OWNED("owned by the policy"),

		/**
		 * Fails startup: it would bypass the policy or leak personal data.
		 */
		REFUSED("refused");

		private final String label;

		Fate(String label) {
			this.label = label;
		}

		/**
		 * Return the label used in the README table.
		 * @return the label
		 */
		String label() {
			return this.label;
		}

	}

}
