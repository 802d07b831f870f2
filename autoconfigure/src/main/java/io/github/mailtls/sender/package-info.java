/**
 * The TLS-enforcing {@code JavaMailSender}: sending over direct or pooled connections,
 * one record per connection use, and the probe used by health checks.
 */
@NullMarked
package io.github.mailtls.sender;

import org.jspecify.annotations.NullMarked;
