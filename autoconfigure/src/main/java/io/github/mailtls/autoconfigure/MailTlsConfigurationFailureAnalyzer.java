package io.github.mailtls.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.mailtls.policy.MailTlsConfigurationException;

/**
 * Explains a {@link MailTlsConfigurationException} at startup: what is wrong and which
 * property to change.
 *
 * @author mail-tls
 */
class MailTlsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MailTlsConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MailTlsConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
