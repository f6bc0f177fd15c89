/**
 * Training: the run configuration ({@link dev.resltj.trainer.training.RunConfig} and its small
 * records), {@link dev.resltj.trainer.training.TrainingRun} and its stages (data with the
 * validation set, network, epochs with validation-based choice of the best, the one test
 * evaluation, export), the step loop on DJL's PyTorch engine with a sub-manager per step and reused
 * host buffers, the optimisers and the learning-rate schedule, per-epoch checkpoints with resume,
 * the cooperative stop on SIGINT/SIGTERM, devices, and the progress bar.
 */
package dev.resltj.trainer.training;
