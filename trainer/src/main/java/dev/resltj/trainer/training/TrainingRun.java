package dev.resltj.trainer.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resltj.trainer.evaluation.EvaluationReport;
import dev.resltj.trainer.evaluation.TrainingHistory;
import dev.resltj.trainer.export.ModelExport;
import dev.resltj.trainer.model.CheckpointException;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkSpec;
import dev.resltj.trainer.provenance.Provenance;
import dev.resltj.trainer.storage.JsonFiles;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link RunConfig} into a finished run folder, stage by stage: data (the split, its
 * validation set, the test set), network, epochs (each scored on validation, checkpointed, the best
 * kept), evaluation (the chosen epoch on validation and, once, on test) and export. A stop request
 * (Ctrl-C, SIGTERM) ends the run between two steps with its last complete checkpoint; {@link
 * #resume} continues from it.
 */
public final class TrainingRun {
  /** How a run reports progress and what it produces besides the checkpoint. */
  public record Options(
      boolean export, ProgressBar.Mode progress, PrintStream out, PrintStream err) {}

  /**
   * What a run produced: a report and model when it finished, neither when it was stopped (then
   * {@code stopped} is true and the run folder can be resumed).
   */
  public record Outcome(
      Path runDir, Optional<EvaluationReport> report, Optional<Path> onnx, boolean stopped) {}

  // what was asked; the data fills in labels and augmentation left to it (see
  // RunConfig#resolvedFor)
  private RunConfig config;
  private final Path runDir;
  private final Options options;

  private TrainingRun(RunConfig config, Path runDir, Options options) {
    this.config = config;
    this.runDir = runDir;
    this.options = options;
  }

  /** Starts a new run in {@code runsDir/config.name()}. */
  public static Outcome start(RunConfig config, Path runsDir, boolean overwrite, Options options)
      throws IOException {
    Path runDir = runsDir.resolve(config.name());
    configureEngine(config);
    NewRunFolder.prepare(runDir, overwrite);
    return new TrainingRun(config, runDir, options).run(Optional.empty());
  }

  /** Continues the run in {@code runDir} from its last complete checkpoint. */
  public static Outcome resume(Path runDir, Options options) throws IOException {
    Path runFile = runDir.resolve(RunFolderLayout.RUN_FILE);
    if (!Files.isRegularFile(runFile)) {
      throw new InvalidRunException(
          "--resume "
              + runDir
              + ": no "
              + RunFolderLayout.RUN_FILE
              + " there, so it is not a run folder");
    }
    RunConfig config;
    try {
      config = JsonFiles.read(runFile, RunConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidRunException(
          "--resume "
              + runDir
              + ": its "
              + RunFolderLayout.RUN_FILE
              + " cannot be read by this version of reslt-train ("
              + e.getMessage()
              + "); a run from an older version can still be exported and evaluated");
    }
    Path checkpoint = runDir.resolve(RunFolderLayout.CHECKPOINT_DIR);
    Optional<TrainingState> state = Optional.empty();
    if (Files.isRegularFile(checkpoint.resolve(TrainingState.FILE))) {
      state =
          Optional.of(JsonFiles.read(checkpoint.resolve(TrainingState.FILE), TrainingState.class));
    }
    configureEngine(config);
    return new TrainingRun(config, runDir, options).run(state);
  }

  /** Threads, before the engine first loads. */
  private static void configureEngine(RunConfig config) {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty(
          "ai.djl.pytorch.num_threads", Integer.toString(config.machine().threads()));
    }
    // one inter-op thread: CPU training runs one graph at a time, a second pool only competes
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }

  private Outcome run(Optional<TrainingState> resumed) throws IOException {
    PrintStream out = options.out();
    // the stop is installed first and closed last: the JVM may exit only after everything below
    // has left native code
    try (GracefulStop stop = GracefulStop.install(options.err());
        CrashLogLink crashLog = CrashLogLink.to(runDir)) {
      Engine engine = Engine.getInstance();
      DeviceChoice.Resolved device =
          config
              .machine()
              .device()
              .resolve(engine.getGpuCount(), engine.getEngineName() + " " + engine.getVersion());
      if (!device.note().isEmpty()) {
        out.println(device.note());
      }
      try (RunData data = RunData.load(config, runDir, resumed.isPresent(), out)) {
        config =
            config.resolvedFor(
                data.description().classNames(),
                data.description().kind().defaultAugmentation(data.description().height()));
        if (resumed.isEmpty()) {
          writeRecords(data, device.device());
        }
        out.println(brief(data));
        if (!data.emptyGroupsNote().isEmpty()) {
          out.println(data.emptyGroupsNote());
        }
        return train(data, device, resumed, stop);
      }
    }
  }

  private Outcome train(
      RunData data,
      DeviceChoice.Resolved device,
      Optional<TrainingState> resumed,
      GracefulStop stop)
      throws IOException {
    PrintStream out = options.out();
    {
      TrainingHistory history =
          resumed.map(TrainingState::trainingHistory).orElse(TrainingHistory.empty());
      EpochStage.Result epochs;
      try (NDManager manager = NDManager.newBaseManager(device.device())) {
        NetworkBlock block = network(manager, resumed.isPresent(), data);
        try (ParameterUpdater updater =
            ParameterUpdater.create(
                config.training().optimizer(), block.getParameters().values(), manager)) {
          if (resumed.isPresent()) {
            updater.restore(
                JsonFiles.read(
                    runDir
                        .resolve(RunFolderLayout.CHECKPOINT_DIR)
                        .resolve(RunFolderLayout.OPTIMIZER_FILE),
                    OptimizerState.class));
            out.printf(
                Locale.ROOT,
                "resuming after epoch %d of %d%n",
                resumed.get().epochsCompleted(),
                config.training().epochs());
          }
          ProgressBar bar = new ProgressBar(options.err(), options.progress());
          epochs =
              new EpochStage(config, data, runDir, out, bar)
                  .run(block, manager, updater, history, stop);
        }
      }
      if (epochs.stopped() || stop.requested()) {
        options.err().println(stopMessage(epochs.history()));
        options.err().flush();
        return new Outcome(runDir, Optional.empty(), Optional.empty(), true);
      }

      EvaluationReport report =
          FinalEvaluation.run(
              config, data, runDir, epochs.history(), epochs.bestEpoch(), device.device());
      out.printf(
          Locale.ROOT,
          "chosen epoch %d of %d (best validation top-1); test top-1 %.2f%%, balanced %.2f%%,"
              + " head %s, medium %s, tail %s; trained in %.0f s%n",
          epochs.bestEpoch(),
          epochs.history().epochs().size(),
          100 * report.top1(),
          100 * report.balanced(),
          percent(report.head()),
          percent(report.medium()),
          percent(report.tail()),
          trainingSeconds(epochs.history()));
      Optional<Path> onnx = Optional.empty();
      if (options.export()) {
        Path file = runDir.resolve(RunFolderLayout.ONNX_FILE);
        ModelExport.exportRun(runDir, file);
        onnx = Optional.of(file);
      }
      if (!data.source().badImages().summary().isEmpty()) {
        out.println(data.source().badImages().summary());
      }
      out.println(
          "run folder: " + runDir + (onnx.isPresent() ? " (model: " + onnx.get() + ")" : ""));
      return new Outcome(runDir, Optional.of(report), onnx, false);
    }
  }

  /**
   * {@code run.json}, {@code split.json}, {@code dataset.json} and {@code provenance.json}, written
   * once.
   */
  private void writeRecords(RunData data, Device device) throws IOException {
    JsonFiles.write(runDir.resolve(RunFolderLayout.RUN_FILE), config);
    data.split().write(runDir.resolve(RunFolderLayout.SPLIT_FILE));
    JsonFiles.write(runDir.resolve(RunFolderLayout.DATASET_FILE), data.description());
    ObjectNode provenance = JsonFiles.mapper().valueToTree(Provenance.capture(data.files()));
    provenance.put("device", device.toString());
    JsonFiles.write(runDir.resolve(RunFolderLayout.PROVENANCE_FILE), provenance);
  }

  /** The network stage: fresh parameters, or the last checkpoint's when resuming. */
  private NetworkBlock network(NDManager manager, boolean resuming, RunData data)
      throws CheckpointException {
    Path checkpointDir = runDir.resolve(RunFolderLayout.CHECKPOINT_DIR);
    NetworkSpec spec = config.network().toSpec(data.input(), data.description().numClasses());
    // the initial weights follow the seed
    Engine.getInstance().setRandomSeed((int) config.seed());
    NetworkBlock block =
        resuming
            ? ModelCheckpoint.load(checkpointDir, manager)
            : NetworkBlock.initialized(spec, manager, config.network().initialization());
    if (!block.spec().equals(spec)) {
      throw new CheckpointException(
          checkpointDir + " holds another network than " + RunFolderLayout.RUN_FILE + " describes");
    }
    // loaded parameters come back without autograd; fresh ones already have it
    block.getParameters().values().stream()
        .filter(p -> p.requiresGradient())
        .forEach(p -> p.getArray().setRequiresGradient(true));
    return block;
  }

  private String brief(RunData data) {
    return String.format(
        Locale.ROOT,
        "run %s: %s on %s %s (%,d training images, imbalance %.0f; %,d validation images), %s"
            + " network, augmentation %s, %d epoch(s)",
        config.name(),
        config.method(),
        data.description().summary(),
        data.split().profile().cliForm(),
        data.train().size(),
        data.split().imbalance(),
        data.validation().size(),
        config.network().preset(),
        config.training().augmentation().cliForm(),
        config.training().epochs());
  }

  private String stopMessage(TrainingHistory history) {
    int done = history.epochs().size();
    if (done == 0) {
      return "stopped before the first epoch finished: there is no checkpoint; start the run"
          + " again (add --overwrite)";
    }
    return "stopped after epoch "
        + done
        + " of "
        + config.training().epochs()
        + ": its checkpoint is in "
        + runDir.resolve(RunFolderLayout.CHECKPOINT_DIR)
        + "; continue with: reslt-train train --resume "
        + runDir;
  }

  private static String percent(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * value);
  }

  static double trainingSeconds(TrainingHistory history) {
    double total = 0;
    for (var r : history.epochs()) {
      total += r.seconds();
    }
    return total;
  }

  /** The labels of a run's classes when the user names none: the class indices. */
  public static List<String> indexLabels(int classes) {
    List<String> labels = new ArrayList<>(classes);
    for (int c = 0; c < classes; c++) {
      labels.add(Integer.toString(c));
    }
    return labels;
  }
}
