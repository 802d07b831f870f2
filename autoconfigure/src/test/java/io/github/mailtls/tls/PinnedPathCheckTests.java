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
package io.github.mailtls.tls;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mailtls.record.CertificateSummary;
import io.github.mailtls.testsupport.ServerIdentity;
import io.github.mailtls.testsupport.TestCertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pins are checked on the path built to a trust anchor, not on the presented chain. The
 * cases are those of OkHttp's {@code CertificatePinnerChainValidationTest}, on
 * certificates generated here.
 */
class PinnedPathCheckTests {

	private static final String PROPERTY = "mail.tls.pinned-public-keys";

	private final TestCertificateAuthority root = TestCertificateAuthority.create("root");

	private final TestCertificateAuthority intermediate = this.root.issueIntermediate("intermediate");

	private final ServerIdentity leaf = this.intermediate.issueLocalhost();

	@Test
	void pinOnARootThatTheServerDoesNotSendShouldBeAccepted() throws Exception {
		List<X509Certificate> path = check(anchors(this.root), pins(this.root.certificate()), this.leaf.certificate(),
				this.intermediate.certificate());
		assertThat(path).containsExactly(this.leaf.certificate(), this.intermediate.certificate(),
				this.root.certificate());
	}

	@Test
	void pinOnAnIntermediateInTheChainShouldBeAccepted() throws Exception {
		assertThat(check(anchors(this.root), pins(this.intermediate.certificate()), this.leaf.certificate(),
				this.intermediate.certificate()))
			.contains(this.intermediate.certificate());
	}

	@Test
	void pinOnTheLeafShouldBeAccepted() throws Exception {
		assertThat(check(anchors(this.root), pins(this.leaf.certificate()), this.leaf.certificate(),
				this.intermediate.certificate()))
			.first()
			.isEqualTo(this.leaf.certificate());
	}

	@Test
	void chainPresentedOutOfOrderShouldBeAcceptedOnItsValidatedPath() throws Exception {
		assertThat(check(anchors(this.root), pins(this.intermediate.certificate()), this.leaf.certificate(),
				this.root.certificate(), this.intermediate.certificate()))
			.containsExactly(this.leaf.certificate(), this.intermediate.certificate(), this.root.certificate());
	}

	@Test
	void lonePinnedTrustedCertificateShouldBeAccepted() throws Exception {
		X509Certificate only = this.root.certificate();
		assertThat(check(anchors(this.root), pins(only), only)).containsExactly(only);
	}

	@Test
	void unrelatedPinnedLeafAppendedToARogueChainShouldBeRefused() {
		// A trusted root issued a rogue certificate through a compromised intermediate;
		// the
		// attacker appends the pinned, genuine certificate to its chain.
		TestCertificateAuthority compromised = this.root.issueIntermediate("bad intermediate");
		ServerIdentity rogue = compromised.issueLocalhost();
		assertRefused(anchors(this.root), pins(this.leaf.certificate()), rogue.certificate(), compromised.certificate(),
				this.leaf.certificate());
	}

	@Test
	void pinnedIntermediatePresentedBesideANamesakeFromACompromisedRootShouldBeRefused() {
		// The attacker's intermediate has the same name as the pinned one; the server
		// presents both, so the presented chain holds the pinned key but the validated
		// path does not.
		TestCertificateAuthority good = this.root.issueIntermediate("intermediate_ca");
		TestCertificateAuthority compromisedRoot = TestCertificateAuthority.create("compromised root");
		TestCertificateAuthority namesake = compromisedRoot.issueIntermediate("intermediate_ca");
		ServerIdentity rogue = namesake.issueLocalhost();
		assertRefused(anchors(this.root, compromisedRoot), pins(good.certificate()), rogue.certificate(),
				good.certificate(), namesake.certificate());
	}

	@Test
	void pinnedCertificatesReachedOnlyThroughANonCaCertificateShouldBeRefused() {
		// A pinned intermediate signed a certificate that is not a CA but holds the key
		// of
		// an attacker's intermediate. The presented certificates form one long "chain"
		// through the pinned root only if that certificate is used as a CA.
		TestCertificateAuthority attackerCa = TestCertificateAuthority.create("attacker ca");
		TestCertificateAuthority attacker = attackerCa.issueIntermediate("attacker", 3,
				TestCertificateAuthority.newKeyPair());
		TestCertificateAuthority pinnedRoot = attacker.issueIntermediate("pinned root", 2,
				TestCertificateAuthority.newKeyPair());
		TestCertificateAuthority pinnedIntermediate = pinnedRoot.issueIntermediate("pinned intermediate", 1,
				TestCertificateAuthority.newKeyPair());
		ServerIdentity attackerSwitch = pinnedIntermediate.issueLocalhost("attacker", attacker.keyPair());
		ServerIdentity phonyVictim = attacker.issueLocalhost();
		assertRefused(List.of(pinnedRoot.certificate(), attackerCa.certificate()), pins(pinnedRoot.certificate()),
				phonyVictim.certificate(), attackerSwitch.certificate(), pinnedIntermediate.certificate(),
				pinnedRoot.certificate(), attacker.certificate());
	}

	@Test
	void pathThatBreaksAPathLengthConstraintShouldBeRefused() {
		TestCertificateAuthority attackerCa = TestCertificateAuthority.create("attacker ca");
		TestCertificateAuthority pinnedRoot = attackerCa.issueIntermediate("pinned root", 1,
				TestCertificateAuthority.newKeyPair());
		TestCertificateAuthority compromised = pinnedRoot.issueIntermediate("compromised intermediate", 0,
				TestCertificateAuthority.newKeyPair());
		// One intermediate more than the signer allows, with the attacker CA's key.
		TestCertificateAuthority attackerIntermediate = compromised.issueIntermediate("attacker intermediate", 0,
				attackerCa.keyPair());
		ServerIdentity phonyVictim = attackerIntermediate.issueLocalhost();
		assertRefused(List.of(pinnedRoot.certificate(), attackerCa.certificate()), pins(pinnedRoot.certificate()),
				phonyVictim.certificate(), attackerIntermediate.certificate(), compromised.certificate(),
				pinnedRoot.certificate());
	}

	@Test
	void pinnedButUntrustedChainShouldBeRefused() {
		TestCertificateAuthority untrusted = TestCertificateAuthority.create("untrusted");
		ServerIdentity server = untrusted.issueLocalhost();
		assertThatExceptionOfType(PinnedPathCheck.PinMismatchException.class)
			.isThrownBy(() -> check(anchors(this.root), pins(server.certificate()),
					server.chain().toArray(X509Certificate[]::new)))
			.withMessageContaining("no certification path")
			.withMessageContaining(PROPERTY);
	}

	@Test
	void refusalShouldNameThePropertyAndThePathKeys() {
		ServerIdentity other = this.root.issueLocalhost();
		assertThatExceptionOfType(PinnedPathCheck.PinMismatchException.class)
			.isThrownBy(() -> check(anchors(this.root), pins(other.certificate()), this.leaf.certificate(),
					this.intermediate.certificate()))
			.withMessageContaining(PROPERTY)
			.withMessageContaining(this.leaf.spkiSha256Pin())
			.withMessageContaining(CertificateSummary.spkiSha256(this.root.certificate()));
	}

	private static List<X509Certificate> check(List<X509Certificate> anchors, List<String> pins,
			X509Certificate... presented) throws Exception {
		return new PinnedPathCheck(anchors.toArray(X509Certificate[]::new), pins, PROPERTY).check(presented);
	}

	private static void assertRefused(List<X509Certificate> anchors, List<String> pins, X509Certificate... presented) {
		assertThatExceptionOfType(PinnedPathCheck.PinMismatchException.class)
			.isThrownBy(() -> check(anchors, pins, presented));
	}

	private static List<X509Certificate> anchors(TestCertificateAuthority... authorities) {
		return Arrays.stream(authorities).map(TestCertificateAuthority::certificate).toList();
	}

	private static List<String> pins(X509Certificate... certificates) {
		return Arrays.stream(certificates).map(CertificateSummary::spkiSha256).toList();
	}

}
