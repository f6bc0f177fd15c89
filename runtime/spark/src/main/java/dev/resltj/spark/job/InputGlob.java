package dev.resltj.spark.job;

import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --input} as Spark should read it. Handed to {@code load()} as it is, a glob such as {@code
 * digits/*.png} expands to one root path per file, and past 32 of them Spark lists them with a
 * distributed job of one task per file (14 s for 1,000 files here). A wildcard in the last segment
 * only is therefore split into the folder, listed once, and a {@code pathGlobFilter} on file names.
 *
 * @param path what {@code load()} gets
 * @param fileNameFilter the {@code pathGlobFilter} option, when the glob was split
 */
record InputGlob(String path, Optional<String> fileNameFilter) {
  InputGlob {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fileNameFilter, "fileNameFilter");
  }

  static InputGlob parse(String input) {
    int slash = input.lastIndexOf('/');
    String folder = slash < 0 ? "." : input.substring(0, slash);
    String name = input.substring(slash + 1);
    if (hasWildcard(name) && !hasWildcard(folder) && !folder.isEmpty()) {
      return new InputGlob(folder, Optional.of(name));
    }
    return new InputGlob(input, Optional.empty());
  }

  Dataset<Row> read(SparkSession spark) {
    DataFrameReader reader = spark.read().format("binaryFile");
    if (fileNameFilter.isPresent()) {
      reader = reader.option("pathGlobFilter", fileNameFilter.get());
    }
    return reader.load(path);
  }

  private static boolean hasWildcard(String part) {
    return part.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }
}
