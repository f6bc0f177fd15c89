package dev.resltj.spark.executor;

import dev.resltj.runtime.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

/**
 * Where a model named in {@link dev.resltj.spark.ScoringOptions#model()} is on this JVM: the path
 * itself when this machine can read it (local mode, a shared file system), otherwise the copy Spark
 * put in the working folder because the job shipped it ({@code --files} or {@code
 * SparkContext.addFile}).
 */
public final class ModelLocation {
  private ModelLocation() {}

  /**
   * @throws ModelLoadException when neither the path nor a shipped file of that name exists
   */
  public static Path resolve(String model) {
    Path path = Path.of(model);
    if (Files.isRegularFile(path)) {
      return path.toAbsolutePath();
    }
    Optional<Path> shipped = shipped(path.getFileName().toString());
    if (shipped.isPresent()) {
      return shipped.get();
    }
    throw new ModelLoadException(
        "model file "
            + model
            + " not found: it is not a readable file on this machine, nor shipped with the job"
            + " (spark-submit --files "
            + model
            + ")");
  }

  /** The file Spark downloaded for this job under {@code name}, when there is one. */
  static Optional<Path> shipped(String name) {
    // SparkFiles needs a running SparkEnv; outside Spark (unit tests, the driver before start)
    // there
    // is nothing shipped to look for
    if (SparkEnv.get() == null) {
      return Optional.empty();
    }
    Path candidate = Path.of(SparkFiles.get(name));
    return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
  }
}
