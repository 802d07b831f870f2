/**
 * The JSSE side of the policy: the SSL context and trust decision, the socket factories
 * and the post-handshake check that turns a negotiated session into one immutable
 * {@link io.github.mailtls.tls.TlsHandshake}.
 */
@NullMarked
package io.github.mailtls.tls;

import org.jspecify.annotations.NullMarked;
