/**
 * Per-send TLS records and the listener API through which other components receive them.
 */
@NullMarked
package io.github.mailtls.record;

import org.jspecify.annotations.NullMarked;
