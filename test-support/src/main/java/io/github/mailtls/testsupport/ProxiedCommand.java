package io.github.mailtls.testsupport;

/**
 * A command line that a client sent through a {@link FaultProxy}.
 *
 * @param connection the index of the client connection, from 0 in order of acceptance
 * @param verb the upper-case verb, or {@link Fault#END_OF_DATA} for the end of content
 * @param line the command line without its line end
 * @param overTls whether the client sent it inside TLS
 * @author mail-tls
 */
public record ProxiedCommand(int connection, String verb, String line, boolean overTls) {

}
