/**
 * Sample application for mail-tls.
 */
@NullMarked
package io.github.mailtls.sample;

import org.jspecify.annotations.NullMarked;
