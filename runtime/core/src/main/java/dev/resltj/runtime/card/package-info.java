/**
 * Reading the model card from ONNX {@code metadata_props}: a strict, dependency-free JSON reader
 * ({@link dev.resltj.runtime.card.Json}) and {@link dev.resltj.runtime.card.ModelCardReader}, which
 * checks the metadata against the graph and names the key of every problem.
 */
package dev.resltj.runtime.card;
