package io.github.mailtls.smtp.sinkfixture;

/**
 * Stands for a transport class whose package loggers nobody created yet.
 *
 * @author mail-tls
 */
public final class FreshTransport {

}
