package io.github.mailtls.smtp.sinkfixture.early;

/**
 * Stands for a transport class whose package logger was created before the sink.
 *
 * @author mail-tls
 */
public final class EarlyTransport {

}
