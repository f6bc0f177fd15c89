/**
 * Training data: the sources a run reads ({@link dev.resltj.trainer.data.SourceData}: MNIST and
 * Fashion-MNIST from IDX files, image folders and list files indexed by {@link
 * dev.resltj.trainer.data.ImageIndex} and decoded by {@link dev.resltj.trainer.data.ImageDecoder}),
 * what the data is ({@link dev.resltj.trainer.data.DatasetDescription}), images held in memory
 * ({@link dev.resltj.trainer.data.LabeledImages}) or decoded from disk on a bounded pool of threads
 * ({@link dev.resltj.trainer.data.FileImages}, {@link dev.resltj.trainer.data.DecodeWorkers}),
 * long-tailed profiles and the seeded split that applies them ({@link
 * dev.resltj.trainer.data.LongTailSplit}, recorded as {@code split.json}) with its validation
 * images, head/medium/tail groups, normalisation, batch samplers, augmentation and the
 * allocation-free batch assembly the training loop feeds to the network. Nothing here touches DJL:
 * batches are plain {@code float[]}/{@code int[]} buffers.
 */
package dev.resltj.trainer.data;
