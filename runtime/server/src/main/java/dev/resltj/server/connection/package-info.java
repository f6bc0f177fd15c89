/**
 * The server's TCP connections below HTTP: after an early answer (413, 415, 404 sent before the
 * body has arrived) the rest of the request body is read and dropped, up to a bound, before the
 * connection closes, so that a client still sending, without {@code Expect: 100-continue}, reads
 * the answer instead of a reset connection.
 */
package dev.resltj.server.connection;
