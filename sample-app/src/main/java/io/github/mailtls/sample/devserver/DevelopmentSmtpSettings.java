package io.github.mailtls.sample.devserver;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the development SMTP server, bound from {@code sample.dev-smtp.*} before
 * the application context is refreshed.
 *
 * @param enabled whether to start the server and send mail to it
 * @param port the port on {@code 127.0.0.1}, {@code 0} for any free port
 * @param startTls whether the server offers and requires STARTTLS; {@code false} shows
 * how the sender refuses a server without TLS
 * @param certificateValidity how long the generated server certificate is valid
 * @author mail-tls
 */
record DevelopmentSmtpSettings(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port,
		@DefaultValue("true") boolean startTls, @DefaultValue("90d") Duration certificateValidity) {

}
