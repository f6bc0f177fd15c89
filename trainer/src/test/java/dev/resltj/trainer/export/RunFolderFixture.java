package dev.resltj.trainer.export;

import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run folder as train writes it, with a checkpoint of a freshly initialised network. */
final class RunFolderFixture {
  static final String RUN_JSON =
      """
      {"name": "demo", "method": "reslt", "alpha": 0.5, "dataset": "mnist", "epochs": 2,
       "labels": ["zero","one","two","three","four","five","six","seven","eight","nine"]}
      """;
  static final String SPLIT_JSON =
      """
      {"profile": "mnist-lt", "seed": 7, "withReplacement": false,
       "classCounts": [42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67],
       "thresholds": {"tailMax": 100, "mediumMax": 1000},
       "groups": {"head": [6, 7, 8], "medium": [1, 2, 4, 5], "tail": [0, 3, 9]},
       "indices": [5, 9, 11, 40]}
      """;
  static final String REPORT_JSON =
      """
      {"dataset": "mnist-test", "images": 10000, "top1": 0.9871, "balanced": 0.9868,
       "head": 0.995, "medium": 0.99, "tail": 0.975, "perClassRecall": [0.99, 0.98]}
      """;

  private RunFolderFixture() {}

  static Path create(Path parent, NetworkSpec spec) throws IOException {
    Path run = parent.resolve("demo");
    Files.createDirectories(run);
    Files.writeString(run.resolve("run.json"), RUN_JSON);
    Files.writeString(run.resolve("split.json"), SPLIT_JSON);
    Files.writeString(run.resolve("report.json"), REPORT_JSON);
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelCheckpoint.save(
          run.resolve("checkpoint"), spec, NetworkBlock.initialized(spec, manager));
    }
    return run;
  }
}
