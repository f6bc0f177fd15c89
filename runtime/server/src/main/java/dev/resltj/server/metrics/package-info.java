/**
 * Prometheus metrics (through Micrometer, served at {@code /prometheus}): request counts and
 * latency histograms per model and endpoint, errors by status, and per model the batch-size
 * histogram, run time, queue depth and rejections.
 */
package dev.resltj.server.metrics;
