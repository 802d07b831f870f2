package io.github.mailtls.record;

/**
 * Receives the TLS record of every send. Beans of this type are picked up by the
 * auto-configured sender; they are called synchronously on the sending thread, so they
 * must be quick and must not throw.
 *
 * @author mail-tls
 */
@FunctionalInterface
public interface TlsSendListener {

	/**
	 * Called once per connection used to send, after it succeeded, was refused or failed.
	 * @param record the record
	 */
	void onSend(TlsSendRecord record);

}
