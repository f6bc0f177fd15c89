/**
 * The Open Inference Protocol (KServe v2) over HTTP/JSON: health, server and model metadata, model
 * readiness and inference, with Triton's classification extension. The records here are the JSON
 * bodies; {@link dev.resltj.server.inference.InferenceService} checks a request against the model,
 * runs it through the model's batcher and builds the response.
 */
package dev.resltj.server.inference;
