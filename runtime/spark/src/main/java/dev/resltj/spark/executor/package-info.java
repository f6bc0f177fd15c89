/**
 * What runs inside each executor JVM: {@link dev.resltj.spark.executor.ExecutorClassifiers} keeps
 * one open classifier per model for the whole JVM, so every task and partition shares one ONNX
 * Runtime session instead of loading the model per partition; {@link
 * dev.resltj.spark.executor.ModelLocation} finds the model file (a shared path or a file shipped
 * with {@code --files}); {@link dev.resltj.spark.executor.PartitionScorer} scores a partition's
 * rows in batches; {@link dev.resltj.spark.executor.ClassifierPlugin} closes the classifiers when
 * the executor stops.
 */
package dev.resltj.spark.executor;
