package dev.resltj.trainer.training;

import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.LongTailProfile;
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
 * @param labels class names, index order
 * @param batchSize images per step (per branch for {@code reslt-branch-sampling})
 * @param seed seeds the split, the samplers, augmentation and the engine
 * @param profile long-tail profile in its CLI form ({@code mnist-lt}, {@code exp:100}, ...)
 * @param splitFile a {@code split.json} to reuse instead of drawing, or {@code null}
 * @param device {@code cpu} or {@code gpu}
 * @param threads intra-op threads of the engine
 */
public record RunConfig(
    String name,
    Method method,
    double alpha,
    List<String> labels,
    NetworkChoice network,
    OptimizerSettings optimizer,
    ScheduleSettings schedule,
    int batchSize,
    int epochs,
    Augmentation augmentation,
    long seed,
    String profile,
    String splitFile,
    GroupThresholds thresholds,
    boolean withReplacement,
    String device,
    String dataDir,
    int threads) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public RunConfig {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "run name '"
              + name
              + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    if (method == null
        || network == null
        || optimizer == null
        || schedule == null
        || augmentation == null
        || thresholds == null) {
      throw new IllegalArgumentException(
          "method, network, optimizer, schedule, augmentation and thresholds are required");
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    labels = List.copyOf(labels);
    if (labels.size() < 2 || labels.stream().anyMatch(l -> l == null || l.isBlank())) {
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
    if (batchSize < 1 || batchSize > 65536) {
      throw new IllegalArgumentException("batch size must be in 1..65536, got " + batchSize);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (schedule.warmupEpochs() > epochs) {
      throw new IllegalArgumentException(
          "warm-up ("
              + schedule.warmupEpochs()
              + " epochs) is longer than the run ("
              + epochs
              + ")");
    }
    LongTailProfile.parse(profile);
    if (!"cpu".equals(device) && !"gpu".equals(device)) {
      throw new IllegalArgumentException("device must be cpu or gpu, got " + device);
    }
    if (dataDir == null || dataDir.isBlank()) {
      throw new IllegalArgumentException("data folder is required");
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in 1..1024, got " + threads);
    }
  }

  /** Images one step feeds through the network. */
  public int imagesPerStep() {
    return method.sampling() == Method.Sampling.PER_BRANCH ? 3 * batchSize : batchSize;
  }
}
