/**
 * Dynamic batching: concurrent requests for one model wait in a bounded queue and are merged into
 * one model run of up to a maximum batch size, then each caller receives exactly its own slice of
 * the results. Generic over the request and result types and free of HTTP and Micronaut, so the
 * queueing, deadline and shutdown rules are tested on their own.
 */
package dev.resltj.server.batching;
