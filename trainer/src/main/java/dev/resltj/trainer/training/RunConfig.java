package dev.resltj.trainer.training;

import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.loss.Method;
import dev.resltj.trainer.model.BranchStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything that defines a training run, validated once and saved as {@code run.json} beside its
 * outputs ({@code method}, {@code alpha} and {@code labels} at the top level, where the exporter
 * reads them). {@code --resume} reads it back, so a resumed run trains exactly what was asked.
 *
 * @param name the run's folder name under the runs folder
 * @param alpha weight of the branch term (ResLT methods; recorded but unused by the baselines)
 * @param labels class names, index order; empty until the run starts when the data names them (a
 *     run folder's {@code run.json} always has them)
 * @param seed seeds the split, the validation set, the samplers, augmentation and the initial
 *     weights
 */
public record RunConfig(
    String name,
    Method method,
    double alpha,
    List<String> labels,
    long seed,
    NetworkChoice network,
    TrainingSettings training,
    SplitSettings data,
    MachineSettings machine) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public RunConfig {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "run name '"
              + name
              + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    if (method == null || network == null || training == null || data == null || machine == null) {
      throw new IllegalArgumentException(
          "method, network, training, data and machine settings are required");
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    labels = List.copyOf(labels);
    if (labels.size() == 1 || labels.stream().anyMatch(l -> l == null || l.isBlank())) {
      throw new IllegalArgumentException("need at least 2 non-empty class labels, got " + labels);
    }
    if (method.resltHead() == (network.style() == BranchStyle.SINGLE)) {
      throw new IllegalArgumentException(
          "method "
              + method
              + " needs "
              + (method.resltHead() ? "a three-branch head (paper or separate)" : "a single head")
              + ", got branch style "
              + network.branchStyle());
    }
  }

  /**
   * This configuration with what was left to the data filled in: the class names (unless given) and
   * the augmentation (unless given), as {@code run.json} records them.
   */
  public RunConfig resolvedFor(List<String> classNames, Augmentation dataDefault) {
    TrainingSettings t =
        training.augmentation() != null
            ? training
            : new TrainingSettings(
                training.optimizer(),
                training.schedule(),
                training.batchSize(),
                training.epochs(),
                dataDefault);
    return new RunConfig(
        name,
        method,
        alpha,
        labels.isEmpty() ? classNames : labels,
        seed,
        network,
        t,
        data,
        machine);
  }

  /** Images one step feeds through the network. */
  public int imagesPerStep() {
    return method.sampling() == Method.Sampling.PER_BRANCH
        ? 3 * training.batchSize()
        : training.batchSize();
  }
}
