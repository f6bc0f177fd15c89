package dev.resltj.trainer.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.data.LongTailProfile;
import dev.resltj.trainer.data.LongTailSplit;
import dev.resltj.trainer.data.MnistData;
import dev.resltj.trainer.data.MnistFetcher;
import dev.resltj.trainer.evaluation.EpochRecord;
import dev.resltj.trainer.evaluation.EvaluationReport;
import dev.resltj.trainer.evaluation.Evaluator;
import dev.resltj.trainer.evaluation.PredictionSet;
import dev.resltj.trainer.evaluation.ReportWriter;
import dev.resltj.trainer.evaluation.TrainingHistory;
import dev.resltj.trainer.export.ModelExport;
import dev.resltj.trainer.loss.MethodLoss;
import dev.resltj.trainer.model.CheckpointException;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkSpec;
import dev.resltj.trainer.provenance.Provenance;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns a {@link RunConfig} into a finished run folder: data and split, network, the epochs with a
 * checkpoint after each, the evaluation report and (unless disabled) the ONNX model. A run killed
 * at any moment leaves its last complete checkpoint usable; {@link #resume} continues from it.
 */
public final class TrainingRun {
  /** Test-set name in reports. */
  public static final String TEST_SET = "MNIST test (10,000 images)";

  /** How a run reports progress and what it produces besides the checkpoint. */
  public record Options(boolean export, boolean progressBar, PrintStream out, PrintStream err) {}

  /** What a finished run produced. */
  public record Outcome(Path runDir, EvaluationReport report, Optional<Path> onnx) {}

  private final RunConfig config;
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
    RunFolders.prepareNew(runDir, overwrite);
    return new TrainingRun(config, runDir, options).run(Optional.empty());
  }

  /** Continues the run in {@code runDir} from its last complete checkpoint. */
  public static Outcome resume(Path runDir, Options options) throws IOException {
    Path runFile = runDir.resolve(RunFolders.RUN_FILE);
    if (!Files.isRegularFile(runFile)) {
      throw new InvalidRunException(
          "--resume "
              + runDir
              + ": no "
              + RunFolders.RUN_FILE
              + " there, so it is not a run folder");
    }
    RunConfig config = JsonFiles.read(runFile, RunConfig.class);
    Path checkpoint = runDir.resolve(RunFolders.CHECKPOINT_DIR);
    Optional<TrainingState> state = Optional.empty();
    if (Files.isRegularFile(checkpoint.resolve(TrainingState.FILE))) {
      state =
          Optional.of(JsonFiles.read(checkpoint.resolve(TrainingState.FILE), TrainingState.class));
    }
    configureEngine(config);
    return new TrainingRun(config, runDir, options).run(state);
  }

  /** Threads and device, before the engine first loads. */
  private static void configureEngine(RunConfig config) {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.threads()));
    }
    // one inter-op thread: CPU training runs one graph at a time, a second pool only competes
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    if (config.device().equals("gpu") && Engine.getInstance().getGpuCount() == 0) {
      throw new InvalidRunException(
          "--device gpu: the engine sees no GPU (this build ships PyTorch for CPU, or no CUDA"
              + " driver is installed); use --device cpu");
    }
  }

  private Outcome run(Optional<TrainingState> resumed) throws IOException {
    PrintStream out = options.out();
    MnistData mnist = MnistFetcher.ensure(Path.of(config.dataDir())).loadVerified();
    LongTailSplit split = loadSplit(mnist.train(), resumed.isPresent());
    Path splitFile = runDir.resolve(RunFolders.SPLIT_FILE);
    if (resumed.isEmpty()) {
      JsonFiles.write(runDir.resolve(RunFolders.RUN_FILE), config);
      split.write(splitFile);
      JsonFiles.write(
          runDir.resolve(RunFolders.PROVENANCE_FILE), Provenance.capture(mnist.files()));
    }
    LabeledImages train = split.apply(mnist.train());
    LabeledImages test = mnist.test();
    ClassGroups groups = split.groups();
    checkLabels(train);
    out.printf(
        Locale.ROOT,
        "run %s: %s on %s (%,d training images, imbalance %.0f), %s network, %d epoch(s)%n",
        config.name(),
        config.method(),
        split.profile().cliForm(),
        train.size(),
        split.imbalance(),
        config.network().preset(),
        config.epochs());

    Device device = config.device().equals("gpu") ? Device.gpu() : Device.cpu();
    Engine.getInstance().setRandomSeed((int) config.seed());
    NetworkSpec spec = config.network().toSpec();
    Path checkpointDir = runDir.resolve(RunFolders.CHECKPOINT_DIR);
    try (NDManager manager = NDManager.newBaseManager(device)) {
      NetworkBlock block =
          resumed.isPresent()
              ? ModelCheckpoint.load(checkpointDir, manager)
              : NetworkBlock.initialized(spec, manager);
      // loaded parameters come back without autograd; fresh ones already have it
      block.getParameters().values().stream()
          .filter(p -> p.requiresGradient())
          .forEach(p -> p.getArray().setRequiresGradient(true));
      if (!block.spec().equals(spec)) {
        throw new CheckpointException(
            checkpointDir + " holds another network than " + RunFolders.RUN_FILE + " describes");
      }
      MethodLoss loss = config.method().newLoss(config.alpha(), groups);
      SampledBatches batches =
          SampledBatches.forMethod(
              config.method(),
              train,
              groups,
              config.batchSize(),
              config.augmentation(),
              config.seed());
      int steps = batches.stepsPerEpoch();
      LearningRateSchedule schedule = config.schedule().perStep(config.epochs(), steps);
      try (ParameterUpdater updater =
          ParameterUpdater.create(config.optimizer(), block.getParameters().values(), manager)) {
        TrainingHistory history = TrainingHistory.empty();
        int done = 0;
        if (resumed.isPresent()) {
          history = resumed.get().trainingHistory();
          done = resumed.get().epochsCompleted();
          updater.restore(
              JsonFiles.read(
                  checkpointDir.resolve(RunFolders.OPTIMIZER_FILE), OptimizerState.class));
          out.printf(Locale.ROOT, "resuming after epoch %d of %d%n", done, config.epochs());
        }
        TrainingLoop loop =
            new TrainingLoop(block, manager, spec.input(), loss, updater, schedule, batches);
        Predictions last = null;
        ReentrantLock saving = new ReentrantLock();
        Thread onInterrupt = interruptNotice(saving, checkpointDir);
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
          ProgressBar bar = new ProgressBar(options.err(), options.progressBar());
          for (int epoch = done + 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            bar.startEpoch(epoch, config.epochs());
            EpochStats stats = loop.runEpoch(epoch, steps, bar);
            bar.endEpoch();
            if (Double.isNaN(stats.meanLoss())) {
              throw new IllegalStateException(
                  "training diverged in epoch "
                      + epoch
                      + ": the loss is not finite; lower --lr"
                      + " (now "
                      + config.schedule().learningRate()
                      + ") or raise --warmup-epochs");
            }
            last = Inference.predict(block, manager, spec.input(), test);
            double testAccuracy = last.accuracy(test.labels());
            double seconds = (System.nanoTime() - start) / 1e9;
            EpochRecord record =
                new EpochRecord(
                    epoch,
                    stats.meanLoss(),
                    stats.accuracy(),
                    testAccuracy,
                    loop.lastLearningRate(),
                    stats.imagesPerSecond(),
                    seconds);
            history = history.plus(record);
            TrainingState state =
                new TrainingState(
                    TrainingState.FORMAT,
                    epoch,
                    config.seed(),
                    history.epochs(),
                    groups.classCounts(),
                    groups.thresholds(),
                    config.labels());
            saving.lock();
            try {
              ModelCheckpoint.save(
                  checkpointDir,
                  spec,
                  block,
                  Map.of(TrainingState.FILE, state, RunFolders.OPTIMIZER_FILE, updater.snapshot()));
            } finally {
              saving.unlock();
            }
            out.println(summary(record, config.epochs()));
          }
        } finally {
          removeHook(onInterrupt);
        }
        if (last == null) {
          last = Inference.predict(block, manager, spec.input(), test);
        }
        EvaluationReport report =
            Evaluator.evaluate(
                PredictionSet.of(test.labels(), last.fused(), last.branches()), groups,
                config.labels(), TEST_SET);
        ReportWriter.write(runDir, report, history, groups);
        out.printf(
            Locale.ROOT,
            "test top-1 %.2f%%, balanced %.2f%%, head %s, medium %s, tail %s; trained in %.0f s%n",
            100 * report.top1(),
            100 * report.balanced(),
            percent(report.head()),
            percent(report.medium()),
            percent(report.tail()),
            trainingSeconds(history));
        Optional<Path> onnx = Optional.empty();
        if (options.export()) {
          Path file = runDir.resolve(RunFolders.ONNX_FILE);
          ModelExport.exportRun(runDir, file);
          onnx = Optional.of(file);
        }
        out.println(
            "run folder: " + runDir + (onnx.isPresent() ? " (model: " + onnx.get() + ")" : ""));
        return new Outcome(runDir, report, onnx);
      }
    }
  }

  private LongTailSplit loadSplit(LabeledImages balanced, boolean resuming) {
    if (resuming) {
      return LongTailSplit.read(runDir.resolve(RunFolders.SPLIT_FILE), balanced)
          .withThresholds(config.thresholds());
    }
    if (config.splitFile() != null) {
      return LongTailSplit.read(Path.of(config.splitFile()), balanced)
          .withThresholds(config.thresholds());
    }
    return LongTailSplit.draw(
        balanced,
        LongTailProfile.parse(config.profile()),
        config.seed(),
        config.withReplacement(),
        config.thresholds());
  }

  private void checkLabels(LabeledImages train) {
    if (config.labels().size() != train.numClasses()) {
      throw new InvalidRunException(
          "--labels names "
              + config.labels().size()
              + " classes but the data has "
              + train.numClasses());
    }
  }

  private Thread interruptNotice(ReentrantLock saving, Path checkpointDir) {
    PrintStream err = options.err();
    return new Thread(
        () -> {
          try {
            // let a checkpoint being written finish, and keep a new one from starting
            saving.tryLock(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String resume =
              Files.isDirectory(checkpointDir)
                  ? "the last complete checkpoint is in "
                      + checkpointDir
                      + "; continue with:"
                      + " reslt-train train --resume "
                      + runDir
                  : "no epoch finished, so there is no checkpoint to resume";
          err.println();
          err.println("interrupted: " + resume);
          err.flush();
        },
        "reslt-train-interrupt");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is already running: nothing to remove
    }
  }

  static String summary(EpochRecord r, int epochs) {
    return String.format(
        Locale.ROOT,
        "epoch %"
            + Integer.toString(epochs).length()
            + "d/%d  loss %.4f  train %.2f%%  test %.2f%%  lr %.2e  %,.0f img/s  %.1f s",
        r.epoch(),
        epochs,
        r.trainLoss(),
        100 * r.trainAccuracy(),
        100 * r.testAccuracy(),
        r.learningRate(),
        r.imagesPerSecond(),
        r.seconds());
  }

  private static String percent(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * value);
  }

  static double trainingSeconds(TrainingHistory history) {
    double total = 0;
    for (EpochRecord r : history.epochs()) {
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
