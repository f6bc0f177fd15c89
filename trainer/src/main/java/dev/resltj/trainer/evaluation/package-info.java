/**
 * Evaluation of a trained classifier on a test set: metrics that matter for long-tailed data
 * (top-1, balanced accuracy, head/medium/tail accuracy, per-class recall, per-branch accuracy for
 * ResLT), the confusion matrix, and the run's report files ({@code report.json}, {@code report.md},
 * PNG plots). The training side hands over plain predicted class indices as a {@link
 * dev.resltj.trainer.evaluation.PredictionSet}; nothing here touches DJL, so the same code
 * evaluates any model.
 */
package dev.resltj.trainer.evaluation;
