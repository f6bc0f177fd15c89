/**
 * Training data: the IDX reader of the MNIST family, MNIST files and their fetch, images held in
 * memory ({@link dev.resltj.trainer.data.LabeledImages}), long-tailed profiles and the seeded split
 * that applies them ({@link dev.resltj.trainer.data.LongTailSplit}, recorded as {@code
 * split.json}), head/medium/tail groups, batch samplers, augmentation and the allocation-free batch
 * assembly the training loop feeds to the network. Nothing here touches DJL: batches are plain
 * {@code float[]}/{@code int[]} buffers.
 */
package dev.resltj.trainer.data;
