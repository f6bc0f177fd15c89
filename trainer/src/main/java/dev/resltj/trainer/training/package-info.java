/**
 * Training: the run configuration ({@link dev.resltj.trainer.training.RunConfig}), the step loop on
 * DJL's PyTorch engine with a sub-manager per step and reused host buffers, the optimisers and the
 * learning-rate schedule, per-epoch checkpoints with resume, the progress bar, and {@link
 * dev.resltj.trainer.training.TrainingRun}, which turns a configuration into a finished run folder.
 */
package dev.resltj.trainer.training;
