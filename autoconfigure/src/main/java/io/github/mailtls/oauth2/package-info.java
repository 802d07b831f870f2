/**
 * OAuth2 access tokens for SMTP {@code AUTH XOAUTH2}: the token provider SPI, a provider
 * backed by Spring Security's OAuth2 client, and the record of authentication problems
 * that health and metrics read.
 */
@NullMarked
package io.github.mailtls.oauth2;

import org.jspecify.annotations.NullMarked;
