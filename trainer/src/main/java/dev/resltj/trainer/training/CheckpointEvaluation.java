package dev.resltj.trainer.training;

import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.DatasetKind;
import dev.resltj.trainer.data.ImageSet;
import dev.resltj.trainer.data.SourceData;
import dev.resltj.trainer.data.SourceSettings;
import dev.resltj.trainer.evaluation.EvaluationReport;
import dev.resltj.trainer.evaluation.Evaluator;
import dev.resltj.trainer.evaluation.PredictionSet;
import dev.resltj.trainer.evaluation.ReportWriter;
import dev.resltj.trainer.model.CheckpointException;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.storage.JsonFiles;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Re-evaluates a saved model on its run's test set (the data {@code run.json} names; MNIST for a
 * checkpoint outside a run folder) and rewrites the report of its run folder. The groups, labels
 * and training history come from the checkpoint's {@code state.json}.
 */
public final class CheckpointEvaluation {
  private CheckpointEvaluation() {}

  /**
   * @param dir a run folder ({@code runs/NAME}: the epoch it chose, {@code best/}) or a checkpoint
   *     folder ({@code checkpoint/}, {@code best/})
   * @param dataDir the data folder, when it moved since training (else the run's own)
   * @return the new report, written into the run folder
   */
  public static EvaluationReport rerun(Path dir, Optional<Path> dataDir) throws IOException {
    Path checkpoint = checkpointOf(dir);
    Path runDir = checkpoint.toAbsolutePath().normalize().getParent();
    Path stateFile = checkpoint.resolve(TrainingState.FILE);
    if (!Files.isRegularFile(stateFile)) {
      throw new CheckpointException(
          stateFile
              + " is missing: the checkpoint was not written by train, so its class groups"
              + " are unknown");
    }
    TrainingState state = JsonFiles.read(stateFile, TrainingState.class);
    ClassGroups groups = new ClassGroups(state.thresholds(), state.classCounts());
    Path runFile = runDir.resolve(RunFolderLayout.RUN_FILE);
    SourceSettings source =
        Files.isRegularFile(runFile)
            ? JsonFiles.read(runFile, RunConfig.class).data().source()
            : SourceSettings.idx(
                DatasetKind.MNIST, DatasetKind.MNIST.defaultDataDir().orElseThrow());
    if (dataDir.isPresent()) {
      source =
          new SourceSettings(
              source.kind(),
              dataDir.get(),
              source.trainList(),
              source.testList(),
              source.valList(),
              source.classNamesFile(),
              source.channels(),
              source.imageSize(),
              source.skipBadImages(),
              source.decodeThreads(),
              source.cacheBytes());
    }
    try (SourceData data = SourceData.load(source, System.out);
        NDManager manager = NDManager.newBaseManager()) {
      ImageSet test = data.test();
      NetworkBlock block = ModelCheckpoint.load(checkpoint, manager);
      PredictedClasses p = Inference.predict(block, manager, block.spec().input(), test);
      EvaluationReport report =
          Evaluator.evaluate(
              PredictionSet.of(test.labels(), p.fused(), p.branches()),
              groups,
              state.labels(),
              String.format(
                  java.util.Locale.ROOT,
                  "%s test (%,d images)",
                  data.description().name(),
                  test.size()));
      ReportWriter.write(runDir, report, state.trainingHistory(), groups);
      return report;
    }
  }

  private static Path checkpointOf(Path dir) {
    Path model = ModelCheckpoint.locateModel(dir);
    if (Files.isRegularFile(model.resolve(ModelCheckpoint.NETWORK_FILE))) {
      return model;
    }
    throw new InvalidRunException(
        "--checkpoint "
            + dir
            + ": expected a run folder (with "
            + RunFolderLayout.CHECKPOINT_DIR
            + "/) or a checkpoint folder (with "
            + ModelCheckpoint.NETWORK_FILE
            + ")");
  }
}
