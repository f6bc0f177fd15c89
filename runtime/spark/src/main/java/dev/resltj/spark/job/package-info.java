/**
 * The runnable batch job: {@link dev.resltj.spark.job.ScoreImages} reads image files with Spark's
 * {@code binaryFile} source, scores them with {@link dev.resltj.spark.ImageScorer}, writes Parquet,
 * CSV or JSON and prints a {@link dev.resltj.spark.job.ScoringSummary}. It runs under {@code
 * spark-submit} and, in local mode, as {@code java -jar reslt-spark.jar}.
 */
package dev.resltj.spark.job;
