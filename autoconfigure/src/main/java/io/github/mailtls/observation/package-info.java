/**
 * The {@code mail.send} observation: its context, documented key names and conventions.
 */
@NullMarked
package io.github.mailtls.observation;

import org.jspecify.annotations.NullMarked;
