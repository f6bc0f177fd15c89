/**
 * The model card in ONNX {@code metadata_props}, both ways: {@link
 * dev.resltj.runtime.card.ModelMetadata} is what the trainer writes (through the contract records
 * {@link dev.resltj.runtime.ModelCard.Input}, {@link dev.resltj.runtime.ModelCard.Groups} and
 * {@link dev.resltj.runtime.ModelCard.Metrics}, which write and parse their own JSON), and {@link
 * dev.resltj.runtime.card.ModelCardReader} reads it back with the same records, checks it against
 * the graph and names the key of every problem. {@link dev.resltj.runtime.card.Json} is a strict,
 * dependency-free JSON reader and compact writer; {@link dev.resltj.runtime.card.ContractJson} its
 * typed field access.
 */
package dev.resltj.runtime.card;
