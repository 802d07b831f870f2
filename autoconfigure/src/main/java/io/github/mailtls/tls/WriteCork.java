package io.github.mailtls.tls;

import java.io.IOException;

/**
 * Holds back what is written to a connection so that several commands leave in one write:
 * while corked, writes and flushes of the connection's guarded output are kept in memory;
 * uncorking writes them at once and flushes. Only the thread that uses the connection
 * corks it.
 *
 * @author mail-tls
 */
public interface WriteCork {

	/**
	 * Hold back every write from now on.
	 */
	void cork();

	/**
	 * Write what was held back in one write, flush, and stop holding back.
	 * @throws IOException if the write fails
	 */
	void uncork() throws IOException;

	/**
	 * Drop what was held back and stop holding back: nothing of it reaches the server.
	 */
	void discard();

}
