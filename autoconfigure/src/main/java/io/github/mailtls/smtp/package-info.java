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
/**
 * The SMTP side of the policy: the enforcing Angus transport that every connection of the
 * sender's session uses and the checks it applies to each EHLO, command and message, the
 * session properties that install it, the fate of every raw Jakarta Mail key, the logging
 * sink that keeps Angus' loggers silent, and the explanation of connection failures.
 */
@NullMarked
package io.github.mailtls.smtp;

import org.jspecify.annotations.NullMarked;
