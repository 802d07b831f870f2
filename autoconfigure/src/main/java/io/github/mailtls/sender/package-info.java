/**
 * The TLS-enforcing {@code JavaMailSender} and the SMTP transport and TLS hooks that
 * enforce the policy on the wire.
 */
@NullMarked
package io.github.mailtls.sender;

import org.jspecify.annotations.NullMarked;
