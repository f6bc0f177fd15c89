/**
 * The network as data and as a trainable block. A {@link dev.resltj.trainer.model.NetworkSpec}
 * (input and normalisation, trunk layers, head) is what {@code run.json}, checkpoints and the ONNX
 * exporter read; {@link dev.resltj.trainer.model.NetworkBlock} is the DJL block built from it, with
 * structural parameter names; {@link dev.resltj.trainer.model.NetworkPresets} names the networks
 * the trainer offers; {@link dev.resltj.trainer.model.ModelCheckpoint} saves a spec with its
 * trained parameters atomically and restores it, refusing truncated or corrupt files by name.
 */
package dev.resltj.trainer.model;
