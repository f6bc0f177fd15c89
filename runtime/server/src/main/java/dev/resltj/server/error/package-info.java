/**
 * Every error leaves the server as {@code {"error": "..."}} with the right status: one exception
 * handler per domain exception (unknown model 404, invalid input 400, image too large 413, queue
 * full 503 with {@code Retry-After}, deadline 504, ...), and a replacement of Micronaut's error
 * body for what the framework itself refuses (no route, wrong content type, body too large,
 * unreadable JSON). Controllers never catch.
 */
package dev.resltj.server.error;
