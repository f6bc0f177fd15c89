package dev.resltj.spark.job;

import java.util.List;
import java.util.Objects;

/**
 * What a finished job reports, counted from the output it wrote.
 *
 * @param images rows written, one per input file
 * @param errors rows whose image could not be scored
 * @param examples a few failed files with their error, for the console
 * @param seconds wall time from start to the output written
 */
public record ScoringSummary(long images, long errors, List<String> examples, double seconds) {
  public ScoringSummary {
    Objects.requireNonNull(examples, "examples");
    examples = List.copyOf(examples);
    if (images < 0 || errors < 0 || errors > images) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= errors <= images, got " + errors + " of " + images);
    }
  }

  /** The lines printed at the end of a run. */
  public List<String> lines(String output, OutputFormat format) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add(
        String.format(
            java.util.Locale.ROOT,
            "scored %d images (%d predicted, %d errors) in %.1f s -> %s (%s)",
            images,
            images - errors,
            errors,
            seconds,
            output,
            format));
    for (String example : examples) {
      lines.add("  error: " + example);
    }
    return lines;
  }
}
