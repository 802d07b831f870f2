package io.github.mailtls.record;

/**
 * Receives the TLS record of every connection use. A {@code send(...)} call uses one
 * connection for all its messages unless one breaks; each use, including an attempt that
 * could not get a connection at all, produces exactly one record with exactly the facts
 * of that use. Beans of this type are picked up by the auto-configured sender; they are
 * called synchronously on the sending thread, so they must be quick and must not throw.
 *
 * @author mail-tls
 */
@FunctionalInterface
public interface TlsSendListener {

	/**
	 * Called once per connection use, when the use has ended: succeeded, was refused or
	 * failed.
	 * @param record the record
	 */
	void onSend(TlsSendRecord record);

}
