package dev.resltj.spark.job;

/** What {@code --format} accepts; each is a Spark data source of the same name. */
public enum OutputFormat {
  parquet,
  csv,
  json
}
