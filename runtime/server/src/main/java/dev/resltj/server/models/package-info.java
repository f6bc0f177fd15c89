/**
 * The model registry: finds every {@code .onnx} file in the model folder, loads and warms each one
 * in the background, tracks its state (loading, ready, failed, unloaded) for the readiness probes,
 * and gives the protocol layers a {@link dev.resltj.server.models.LoadedModel} to run requests
 * through its dynamic batcher. Models are loaded again, swapped and unloaded while the server runs
 * (on request, or by the optional folder watch); a replaced model stays open until its last request
 * is answered. Request names are only ever matched against the folder's listing, never turned into
 * paths.
 */
package dev.resltj.server.models;
