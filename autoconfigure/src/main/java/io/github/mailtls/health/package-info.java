/**
 * The TLS-aware {@code mail} health indicator and the cached probe behind it.
 */
@NullMarked
package io.github.mailtls.health;

import org.jspecify.annotations.NullMarked;
