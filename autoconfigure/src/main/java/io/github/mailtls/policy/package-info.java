/**
 * TLS policy model: modes, refusal reasons and the typed refusal exception.
 */
@NullMarked
package io.github.mailtls.policy;

import org.jspecify.annotations.NullMarked;
