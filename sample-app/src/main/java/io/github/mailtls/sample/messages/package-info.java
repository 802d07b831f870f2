/**
 * The HTTP API that sends messages through the auto-configured sender.
 */
@NullMarked
package io.github.mailtls.sample.messages;

import org.jspecify.annotations.NullMarked;
