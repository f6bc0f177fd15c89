package dev.resltj.trainer.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.data.ImageSet;
import dev.resltj.trainer.evaluation.EvaluationReport;
import dev.resltj.trainer.evaluation.Evaluator;
import dev.resltj.trainer.evaluation.PredictionSet;
import dev.resltj.trainer.evaluation.ReportWriter;
import dev.resltj.trainer.evaluation.Selection;
import dev.resltj.trainer.evaluation.TrainingHistory;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The evaluation stage: the epoch the run chose on validation, scored on the validation set and,
 * once, on the test set; both written into the run's report.
 */
final class FinalEvaluation {
  private FinalEvaluation() {}

  static EvaluationReport run(
      RunConfig config,
      RunData data,
      Path runDir,
      TrainingHistory history,
      int bestEpoch,
      Device device)
      throws IOException {
    try (NDManager manager = NDManager.newBaseManager(device)) {
      NetworkBlock chosen = ModelCheckpoint.load(runDir.resolve(RunFolderLayout.BEST_DIR), manager);
      EvaluationReport validation =
          score(chosen, manager, data.validation(), data, config.labels(), data.validationName());
      EvaluationReport test =
          score(chosen, manager, data.test(), data, config.labels(), data.testName());
      Selection selection =
          new Selection(
              Selection.BEST_VALIDATION_TOP1,
              bestEpoch,
              history.epochs().size(),
              Selection.Scores.of(validation));
      ReportWriter.write(runDir, test, history, data.groups(), Optional.of(selection));
      return test;
    }
  }

  private static EvaluationReport score(
      NetworkBlock block,
      NDManager manager,
      ImageSet images,
      RunData data,
      List<String> labels,
      String name) {
    PredictedClasses p = Inference.predict(block, manager, block.spec().input(), images);
    return Evaluator.evaluate(
        PredictionSet.of(images.labels(), p.fused(), p.branches()), data.groups(), labels, name);
  }
}
