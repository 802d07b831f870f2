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
package io.github.mailtls.it;

import io.github.mailtls.testsupport.TestCertificateAuthority;

/**
 * The certificate authority behind every Postfix certificate in this suite, and one that
 * issued none of them.
 */
final class TestAuthorities {

	/** Issues the certificates of every {@link PostfixContainer} in this suite. */
	static final TestCertificateAuthority POSTFIX = TestCertificateAuthority.create("mail-tls Postfix test CA");

	/** Trusted by no Postfix listener: a client that trusts only this one must refuse. */
	static final TestCertificateAuthority UNRELATED = TestCertificateAuthority.create("mail-tls unrelated CA");

	private TestAuthorities() {
	}

}
