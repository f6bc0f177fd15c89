/**
 * The model registry: finds every {@code .onnx} file in the model folder, loads and warms each one
 * in the background, tracks its state (loading, ready, failed) for the readiness probes, and gives
 * the protocol layers a {@link dev.resltj.server.models.LoadedModel} to run requests through its
 * dynamic batcher. Request names are only ever matched against the names found at startup, never
 * turned into paths.
 */
package dev.resltj.server.models;
