/**
 * The training objectives of every method: ResLT with one instance-sampled batch and a 0/1 mask per
 * branch ({@code reslt}), ResLT with one batch per branch ({@code reslt-branch-sampling}), ResLT
 * with a logit-adjusted fusion term ({@code reslt-la}), and the single-head baselines ({@code ce},
 * {@code ce-balanced}, {@code logit-adjusted}). Each objective is a small class over DJL NDArrays
 * that turns the network's outputs and the labels into one scalar; {@link
 * dev.resltj.trainer.loss.Method} names the methods in the user's words and says which head and
 * which sampling each needs.
 */
package dev.resltj.trainer.loss;
