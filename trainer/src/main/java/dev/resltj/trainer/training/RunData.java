package dev.resltj.trainer.training;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.DatasetDescription;
import dev.resltj.trainer.data.DatasetKind;
import dev.resltj.trainer.data.ImageSet;
import dev.resltj.trainer.data.LongTailProfile;
import dev.resltj.trainer.data.LongTailSplit;
import dev.resltj.trainer.data.Normalization;
import dev.resltj.trainer.data.SourceData;
import dev.resltj.trainer.data.ValidationChoice;
import dev.resltj.trainer.data.ValidationSource;
import dev.resltj.trainer.model.InputSpec;
import dev.resltj.trainer.provenance.DataFileHash;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data stage of a run: the long-tailed training images, the validation images (drawn beside
 * them, held out of them, or the data's own), and the test images, which the run scores once, at
 * the end; with what the data is ({@link DatasetDescription}) and the network input it implies
 * (shape and normalisation). Closing it ends the image decoding threads.
 */
record RunData(
    LongTailSplit split,
    ImageSet train,
    ImageSet validation,
    ImageSet test,
    List<DataFileHash> files,
    DatasetDescription description,
    InputSpec input,
    SourceData source)
    implements AutoCloseable {

  /** Images the normalisation is measured on: plenty for a mean, cheap to decode. */
  private static final int NORMALIZATION_SAMPLE = 5000;

  /** Validation set name in reports. */
  String validationName() {
    String how =
        switch (split.validationSource()) {
          case UNUSED -> "unused training images";
          case FRACTION -> "held out of the training images";
          case GIVEN -> "the data's own validation images";
        };
    return String.format(
        Locale.ROOT, "%s validation (%,d %s)", description.name(), validation.size(), how);
  }

  /** Test set name in reports. */
  String testName() {
    return String.format(Locale.ROOT, "%s test (%,d images)", description.name(), test.size());
  }

  ClassGroups groups() {
    return split.groups();
  }

  /**
   * What the run brief says about the groups: which of head, medium and tail the thresholds leave
   * empty, or nothing.
   */
  String emptyGroupsNote() {
    List<String> empty = new ArrayList<>();
    for (ClassGroup g : ClassGroup.values()) {
      if (groups().classesIn(g).isEmpty()) {
        empty.add(g.id());
      }
    }
    if (empty.isEmpty()) {
      return "";
    }
    return "note: no "
        + String.join(" or ", empty)
        + " class with --tail-max "
        + groups().thresholds().tailMax()
        + " and --medium-max "
        + groups().thresholds().mediumMax()
        + " (training images per class: "
        + groups().classCounts()
        + "); their accuracy is n/a and ResLT's branch for them learns from no class of its"
        + " own: adjust the thresholds to the data";
  }

  /**
   * Loads the data and the split: the run folder's own when resuming, a reused {@code split.json},
   * or a fresh draw.
   */
  static RunData load(RunConfig config, Path runDir, boolean resuming, PrintStream log) {
    SplitSettings settings = config.data();
    SourceData source = SourceData.load(settings.source(), log);
    try {
      return load(config, runDir, resuming, source);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  private static RunData load(RunConfig config, Path runDir, boolean resuming, SourceData source) {
    SplitSettings settings = config.data();
    ImageSet balanced = source.pool();
    boolean given = source.validation().isPresent();
    LongTailSplit split;
    if (resuming) {
      split =
          LongTailSplit.read(runDir.resolve(RunFolderLayout.SPLIT_FILE), balanced)
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
              new ValidationChoice(
                  settings.validationPerClass(), settings.validationFraction(), given));
    }
    ImageSet train = split.apply(balanced);
    DatasetDescription description = source.description();
    if (!config.labels().isEmpty() && config.labels().size() != train.numClasses()) {
      throw new InvalidRunException(
          "--labels names "
              + config.labels().size()
              + " classes but the data has "
              + train.numClasses()
              + " ("
              + String.join(", ", description.classNames())
              + ")");
    }
    ImageSet validation =
        split.validationSource() == ValidationSource.GIVEN
            ? source.validation().orElseThrow()
            : split.validation(balanced);
    if (validation.size() == 0) {
      throw new InvalidRunException(
          "--profile "
              + settings.profile()
              + " leaves no image for the validation set that chooses the best epoch: "
              + (split.validationSource() == ValidationSource.FRACTION
                  ? "raise --val-fraction (now " + settings.validationFraction() + ")"
                  : "lower the profile's counts"));
    }
    return new RunData(
        split,
        train,
        validation,
        source.test(),
        source.files(),
        description,
        input(settings, description, train),
        source);
  }

  /**
   * The network's input: the data's shape, normalised by the given values, MNIST's published ones
   * for the MNIST family (so runs stay as they were), or those measured on the training images.
   */
  private static InputSpec input(
      SplitSettings settings, DatasetDescription description, ImageSet train) {
    Normalization n;
    if (settings.normalize() != null) {
      try {
        n = Normalization.parse(settings.normalize()).forChannels(description.channels());
      } catch (IllegalArgumentException e) {
        throw new InvalidRunException(
            "--normalize " + settings.normalize() + ": " + e.getMessage());
      }
    } else if (description.kind() == DatasetKind.MNIST) {
      return InputSpec.MNIST;
    } else {
      n = Normalization.measure(train, NORMALIZATION_SAMPLE);
    }
    return new InputSpec(
        description.channels(), description.height(), description.width(), 255f, n.mean(), n.std());
  }

  @Override
  public void close() {
    source.close();
  }
}
