/**
 * An in-process SMTP server with required STARTTLS and a certificate generated at
 * startup, so that the sample sends over enforced TLS without any setup.
 */
@NullMarked
package io.github.mailtls.sample.devserver;

import org.jspecify.annotations.NullMarked;
