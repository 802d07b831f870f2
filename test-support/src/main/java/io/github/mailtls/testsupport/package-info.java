/**
 * Test fixtures for mail over TLS: a generated certificate authority, in-process SMTP
 * servers and a proxy that strips STARTTLS.
 */
@NullMarked
package io.github.mailtls.testsupport;

import org.jspecify.annotations.NullMarked;
