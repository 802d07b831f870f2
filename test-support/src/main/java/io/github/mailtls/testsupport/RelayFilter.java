package io.github.mailtls.testsupport;

/**
 * Transforms the bytes that a {@link StripTlsProxy} relays in one direction of one
 * connection.
 *
 * @author mail-tls
 */
interface RelayFilter {

	/**
	 * A filter that forwards everything unchanged.
	 */
	RelayFilter NONE = (bytes) -> bytes;

	/**
	 * Accept the next bytes read and return those to forward now.
	 * @param bytes the bytes read
	 * @return the bytes to forward, possibly empty when held back
	 */
	byte[] apply(byte[] bytes);

	/**
	 * Return whatever is still held back once the sender has finished.
	 * @return the remaining bytes to forward
	 */
	default byte[] finish() {
		return new byte[0];
	}

}
