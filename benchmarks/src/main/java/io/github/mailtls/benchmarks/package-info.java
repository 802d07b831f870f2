/**
 * A side-by-side benchmark of mail-tls against Spring Boot's default mail sender.
 */
@NullMarked
package io.github.mailtls.benchmarks;

import org.jspecify.annotations.NullMarked;
