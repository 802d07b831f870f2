/**
 * The {@code mailtls} Actuator endpoint: effective policy and recent per-send TLS
 * records.
 */
@NullMarked
package io.github.mailtls.endpoint;

import org.jspecify.annotations.NullMarked;
