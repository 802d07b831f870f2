/**
 * Auto-configuration, configuration properties and failure analysis for mail-tls.
 */
@NullMarked
package io.github.mailtls.autoconfigure;

import org.jspecify.annotations.NullMarked;
