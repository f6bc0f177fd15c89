package dev.resltj.trainer.training;

import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.data.LongTailProfile;
import dev.resltj.trainer.data.LongTailSplit;
import dev.resltj.trainer.data.MnistData;
import dev.resltj.trainer.data.MnistFetcher;
import dev.resltj.trainer.provenance.DataFileHash;
import java.nio.file.Path;
import java.util.List;

/**
 * The data stage of a run: the long-tailed training images, the balanced validation images drawn
 * beside them, and the test images, which the run scores once, at the end.
 */
record RunData(
    LongTailSplit split,
    LabeledImages train,
    LabeledImages validation,
    LabeledImages test,
    List<DataFileHash> files) {

  /** Validation set name in reports. */
  static String validationName(LabeledImages validation) {
    return String.format("MNIST-LT validation (%,d unused training images)", validation.size());
  }

  ClassGroups groups() {
    return split.groups();
  }

  /**
   * Loads MNIST (fetching it when missing) and the split: the run folder's own when resuming, a
   * reused {@code split.json}, or a fresh draw.
   */
  static RunData load(RunConfig config, Path runDir, boolean resuming) {
    SplitSettings settings = config.data();
    MnistData mnist = MnistFetcher.ensure(Path.of(settings.dataDir())).loadVerified();
    LabeledImages balanced = mnist.train();
    LongTailSplit split;
    if (resuming) {
      split =
          LongTailSplit.read(runDir.resolve(RunFolders.SPLIT_FILE), balanced)
              .withThresholds(settings.thresholds());
    } else if (settings.splitFile() != null) {
      split =
          LongTailSplit.read(Path.of(settings.splitFile()), balanced)
              .withThresholds(settings.thresholds());
    } else {
      split =
          LongTailSplit.draw(
              balanced,
              LongTailProfile.parse(settings.profile()),
              config.seed(),
              settings.withReplacement(),
              settings.thresholds(),
              settings.validationPerClass());
    }
    LabeledImages train = split.apply(balanced);
    if (config.labels().size() != train.numClasses()) {
      throw new InvalidRunException(
          "--labels names "
              + config.labels().size()
              + " classes but the data has "
              + train.numClasses());
    }
    LabeledImages validation = split.validation(balanced);
    if (validation.size() == 0) {
      throw new InvalidRunException(
          "--profile "
              + settings.profile()
              + " takes every training image, so none is left for the validation set that"
              + " chooses the best epoch: lower the profile's counts");
    }
    return new RunData(split, train, validation, mnist.test(), mnist.files());
  }
}
