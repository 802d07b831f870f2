package io.github.mailtls.policy;

/**
 * Thrown at startup when the mail TLS configuration is invalid or would weaken the
 * policy. A failure analyzer turns it into a description and an action.
 *
 * @author mail-tls
 */
public class MailTlsConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Create a new instance.
	 * @param property the property at fault, for example {@code mail.tls.protocols}
	 * @param problem what is wrong
	 * @param action what to change
	 */
	public MailTlsConfigurationException(String property, String problem, String action) {
		super("Invalid mail TLS configuration '%s': %s".formatted(property, problem));
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
