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
package io.github.mailtls.autoconfigure.logcontrol;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An Angus transport without the sink, in a package under {@code io.github.mailtls}: what
 * Angus logs through it shows that a test's captured output would contain a leak.
 */
public final class PlainAngusTransport extends SMTPTransport {

	/**
	 * Create a transport for the session.
	 * @param session the session
	 */
	public PlainAngusTransport(Session session) {
		super(session, new URLName("smtp", null, -1, null, null, null));
	}

}
