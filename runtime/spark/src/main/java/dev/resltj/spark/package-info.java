/**
 * Scoring stored images with a ResLT-J model inside Apache Spark. {@link
 * dev.resltj.spark.ImageScorer} turns a {@code Dataset<Row>} with a binary image column (the {@code
 * binaryFile} source's {@code content}, or any binary column) into the same rows with the
 * prediction columns of {@link dev.resltj.spark.PredictionColumns}; {@link
 * dev.resltj.spark.ScoringOptions} says which model, which column and how many images per model
 * run. What runs on the executors lives in {@code executor}, the runnable job in {@code job}.
 */
package dev.resltj.spark;
