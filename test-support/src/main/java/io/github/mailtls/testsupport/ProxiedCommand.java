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
package io.github.mailtls.testsupport;

/**
 * A command line that a client sent through a {@link FaultProxy}.
 *
 * @param connection the index of the client connection, from 0 in order of acceptance
 * @param verb the upper-case verb, or {@link Fault#END_OF_DATA} for the end of content
 * @param line the command line without its line end
 * @param overTls whether the client sent it inside TLS
 * @param moreWaiting whether more of the client's bytes had already arrived when the
 * proxy read this line, before it relayed any reply to it: a client that waits for each
 * reply never has, a pipelining client has for every command of a flight but the last
 * @since 0.1.0
 */
public record ProxiedCommand(int connection, String verb, String line, boolean overTls, boolean moreWaiting) {

}
