package dev.resltj.spark.job;

import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.spark.ImageScorer;
import dev.resltj.spark.PredictionColumns;
import dev.resltj.spark.ScoringOptions;
import dev.resltj.spark.executor.ClassifierPlugin;
import dev.resltj.spark.executor.ModelLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores every image file matching a glob and writes one row per file. */
@Command(
    name = "score-images",
    mixinStandardHelpOptions = true,
    versionProvider = ScoreImages.Version.class,
    sortOptions = false,
    description = {
      "Classifies image files with a ResLT-J model on Spark and writes one row per file:",
      "path, label, index, probability, group, top_k, error (null unless the image was bad).",
      "Runs under spark-submit, or alone with java -jar (local mode)."
    },
    footer = {
      "",
      "Exit codes: 0 done (bad images are counted, not fatal), 1 failure, 2 bad command line or"
          + " model.",
      "  java -jar reslt-spark.jar --model models/reslt-mnist-lt.onnx --input 'digits/*.png'"
          + " --output scored"
    })
public final class ScoreImages implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):");

  private static final String QUIET_LOGGING = "reslt-spark-log4j2.properties";

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description =
          "The .onnx model: a path every executor can read, or a file shipped with --files.")
  String model;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "GLOB",
      description = "Image files, as a path or glob Spark's binaryFile source reads (dir/*.png).")
  String input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write; must not exist unless --overwrite.")
  String output;

  @Option(
      names = "--format",
      defaultValue = "parquet",
      paramLabel = "FORMAT",
      description =
          "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); csv writes top_k as JSON.")
  OutputFormat format;

  @Option(
      names = "--batch-size",
      defaultValue = "" + ScoringOptions.DEFAULT_BATCH_SIZE,
      paramLabel = "N",
      description = "Images per model run inside a partition (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--top-k",
      defaultValue = "" + ScoringOptions.DEFAULT_TOP_K,
      paramLabel = "K",
      description = "Classes kept in top_k (default ${DEFAULT-VALUE}).")
  int topK;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Score in N partitions (default: as Spark reads the files).")
  Integer partitions;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Option(names = "--verbose", description = "Spark's own logging, and stack traces with errors.")
  boolean verbose;

  private PrintWriter out = new PrintWriter(System.out, true);

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the job with the project's CLI error policy; returns the exit code. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    ScoreImages command = new ScoreImages();
    command.out = out;
    CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("error: " + e.getMessage());
          err.println("Run 'score-images --help' for usage.");
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          if (command.verbose) {
            e.printStackTrace(err);
          }
          return isUsage(e) ? USAGE : FAILURE;
        });
    return cli.execute(args);
  }

  private static boolean isUsage(Exception e) {
    return e instanceof UsageException
        || e instanceof ModelLoadException
        || e instanceof IllegalArgumentException;
  }

  @Override
  public Integer call() {
    long start = System.nanoTime();
    ScoringOptions options = ScoringOptions.of(model).withBatchSize(batchSize).withTopK(topK);
    if (partitions != null && partitions < 1) {
      throw new UsageException("--partitions must be >= 1, got " + partitions);
    }
    String chosenMaster = master != null ? master : System.getProperty("spark.master", "local[*]");
    boolean local = chosenMaster.startsWith("local");
    if (local && !verbose && System.getProperty("log4j2.configurationFile") == null) {
      // before anything logs: log4j reads this once, when it starts
      System.setProperty("log4j2.configurationFile", QUIET_LOGGING);
    }
    if (local) {
      preflight(options);
    }
    SparkSession spark = session(chosenMaster, local);
    try {
      ImageScorer scorer = ImageScorer.create(spark, options);
      requireAbsent(spark.sparkContext().hadoopConfiguration(), output);
      Dataset<Row> images = read(spark);
      if (partitions != null) {
        images =
            partitions < images.rdd().getNumPartitions()
                ? images.coalesce(partitions)
                : images.repartition(partitions);
      }
      Dataset<Row> scored = scorer.transform(images).select(outputColumns());
      scored
          .write()
          .mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
          .format(format.name())
          .option("header", "true")
          .save(output);
      ScoringSummary summary = summarise(spark, (System.nanoTime() - start) / 1e9);
      summary.lines(output, format).forEach(out::println);
      return OK;
    } finally {
      spark.stop();
    }
  }

  /**
   * On one machine a wrong argument is known in a fraction of a second, before Spark takes seconds
   * to start; the same checks run again on the cluster's side once Spark is up.
   */
  private void preflight(ScoringOptions options) {
    try (ResltClassifier check =
        ResltClassifier.open(ModelLocation.resolve(model), options.classifierOptions())) {
      check.modelCard();
    }
    Configuration local = new Configuration();
    if (isLocalPath(output)) {
      requireAbsent(local, output);
    }
    if (isLocalPath(input)) {
      org.apache.hadoop.fs.Path glob = new org.apache.hadoop.fs.Path(input);
      try {
        FileStatus[] matches = glob.getFileSystem(local).globStatus(glob);
        if (matches == null || matches.length == 0) {
          throw new UsageException("--input " + input + " matches no files");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list --input " + input + ": " + e.getMessage(), e);
      }
    }
  }

  /** No scheme, or {@code file:}; a one-letter "scheme" is a Windows drive. */
  private static boolean isLocalPath(String path) {
    Matcher scheme = SCHEME.matcher(path);
    return !scheme.find() || scheme.group(1).equalsIgnoreCase("file");
  }

  /**
   * What a local run sets unless the command line or {@code -D} already did. Spark's defaults are
   * made for object stores: an open cost of 4 MB per file packs small images 32 to a partition, so
   * 10,000 digits became 313 tasks and 313 Parquet files, and the writers' set-up cost more than
   * the scoring; at 32 KB a local folder packs into about one partition per core. Hadoop's
   * checksummed local file system looks for a {@code .crc} file beside every image it opens; images
   * have none, and the raw one reads them about three times faster.
   */
  public static Map<String, String> localDefaults() {
    return Map.of(
        "spark.sql.files.openCostInBytes", "32768",
        "spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
  }

  private SparkSession session(String chosenMaster, boolean local) {
    SparkSession.Builder builder =
        SparkSession.builder().appName("reslt-score-images").master(chosenMaster);
    if (local) {
      localDefaults().forEach((key, value) -> builder.config(key, System.getProperty(key, value)));
    }
    String plugins = System.getProperty("spark.plugins", "");
    if (!Arrays.asList(plugins.split(",")).contains(ClassifierPlugin.class.getName())) {
      builder.config(
          "spark.plugins",
          plugins.isBlank()
              ? ClassifierPlugin.class.getName()
              : plugins + "," + ClassifierPlugin.class.getName());
    }
    return builder.getOrCreate();
  }

  private Dataset<Row> read(SparkSession spark) {
    try {
      return InputGlob.parse(input).read(spark);
    } catch (Exception e) {
      // Scala declares no exceptions, so javac cannot see that load() throws AnalysisException
      if (e instanceof AnalysisException analysis) {
        throw new UsageException(
            "cannot read --input " + input + ": " + analysis.getSimpleMessage());
      }
      throw e;
    }
  }

  private void requireAbsent(Configuration conf, String dir) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
    try {
      if (!overwrite && path.getFileSystem(conf).exists(path)) {
        throw new UsageException(
            "--output " + dir + " already exists: choose another folder or add --overwrite");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check --output " + dir + ": " + e.getMessage(), e);
    }
  }

  private Column[] outputColumns() {
    List<Column> columns = new ArrayList<>();
    columns.add(functions.col("path"));
    for (String name : PredictionColumns.NAMES) {
      // CSV has no arrays: top_k goes in as its JSON text
      columns.add(
          name.equals(PredictionColumns.TOP_K) && format == OutputFormat.csv
              ? functions.to_json(functions.col(name)).as(name)
              : functions.col(name));
    }
    return columns.toArray(Column[]::new);
  }

  private ScoringSummary summarise(SparkSession spark, double seconds) {
    Dataset<Row> written = spark.read().format(format.name()).option("header", "true").load(output);
    long images = written.count();
    // JSON leaves null fields out, so a run without a single error has no error column to read
    if (!Arrays.asList(written.columns()).contains(PredictionColumns.ERROR)) {
      return new ScoringSummary(images, 0, List.of(), seconds);
    }
    Dataset<Row> failed = written.filter(functions.col(PredictionColumns.ERROR).isNotNull());
    List<String> examples = new ArrayList<>();
    for (Row row : failed.select("path", PredictionColumns.ERROR).limit(5).collectAsList()) {
      examples.add(row.getString(0) + ": " + row.getString(1));
    }
    return new ScoringSummary(images, failed.count(), examples, seconds);
  }

  /** {@code --version}: the jar's Implementation-Version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ScoreImages.class.getPackage().getImplementationVersion();
      return new String[] {"score-images (reslt-spark) " + (version == null ? "dev" : version)};
    }
  }
}
