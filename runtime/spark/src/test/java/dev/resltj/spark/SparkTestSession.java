package dev.resltj.spark;

import dev.resltj.spark.executor.ClassifierPlugin;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The local Spark the integration tests start: two cores, no UI, the classifier plugin on. */
public final class SparkTestSession {
  private SparkTestSession() {}

  public static SparkSession start(String name) {
    return SparkSession.builder()
        .appName(name)
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.plugins", ClassifierPlugin.class.getName())
        .getOrCreate();
  }

  /** The committed default model (the build passes its path as {@code reslt.default.model}). */
  public static Path defaultModel() {
    return Path.of(System.getProperty("reslt.default.model", "../../models/reslt-mnist-lt.onnx"));
  }
}
