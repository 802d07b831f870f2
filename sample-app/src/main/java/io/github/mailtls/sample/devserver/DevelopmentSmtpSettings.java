/*
 * Copyright 2025-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
 */
record DevelopmentSmtpSettings(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port,
		@DefaultValue("true") boolean startTls, @DefaultValue("90d") Duration certificateValidity) {

}
