package io.github.mailtls.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MailServerVerificationException}: what the startup probe found and
 * what to change.
 *
 * @author mail-tls
 */
class MailServerVerificationFailureAnalyzer extends AbstractFailureAnalyzer<MailServerVerificationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MailServerVerificationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the mail server or the spring.mail.* / mail.tls.* settings as described above, "
						+ "or set mail.tls.verify-on-startup=false to start without checking the server.",
				cause);
	}

}
