/**
 * Reuse of open, already verified SMTP connections across sends.
 */
@NullMarked
package io.github.mailtls.pool;

import org.jspecify.annotations.NullMarked;
