package io.github.mailtls.sample.messages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the listener that passes each send's TLS record to the request that made it.
 *
 * @author mail-tls
 */
@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

	@Bean
	SendReceipts sendReceipts() {
		return new SendReceipts();
	}

}
