/**
 * The SMTP side of the policy: the enforcing Angus transport that every connection of the
 * sender's session uses, the session properties that install it, the fate of every raw
 * Jakarta Mail key, the logging sink that keeps Angus' loggers silent, and the
 * explanation of connection failures.
 */
@NullMarked
package io.github.mailtls.smtp;

import org.jspecify.annotations.NullMarked;
