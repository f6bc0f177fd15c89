/**
 * ONNX Runtime session handling: one process-wide environment, one session per model, the graph's
 * input and outputs checked at load, thread-safe runs that close every native tensor and result,
 * and a close that waits for runs in flight.
 */
package dev.resltj.runtime.onnx;
