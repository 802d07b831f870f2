/**
 * Micrometer meters for TLS policy violations and server certificate expiry.
 */
@NullMarked
package io.github.mailtls.metrics;

import org.jspecify.annotations.NullMarked;
