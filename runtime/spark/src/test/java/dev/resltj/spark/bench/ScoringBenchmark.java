package dev.resltj.spark.bench;

import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.fixtures.MnistData;
import dev.resltj.spark.ImageScorer;
import dev.resltj.spark.ScoringOptions;
import dev.resltj.spark.executor.ClassifierPlugin;
import dev.resltj.spark.job.ScoreImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Images per second of the Spark scoring job on {@code local[2]} against {@code classifyAll} on the
 * same files in one JVM, alternating rounds so that both see the same machine load. Run by {@code
 * runtime/spark/bench/run.sh}; not a test.
 *
 * <p>Arguments: MODEL MNIST_DIR WORK_DIR IMAGES ROUNDS BATCH. The session gets the settings {@code
 * ScoreImages} gives a local run ({@link ScoreImages#localDefaults()}); {@code -Dspark.*} overrides
 * them, as it does for the job.
 */
public final class ScoringBenchmark {
  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]);
    Path mnist = Path.of(args[1]);
    Path work = Path.of(args[2]);
    int count = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    int batch = Integer.parseInt(args[5]);

    Path images = writeImages(mnist, work.resolve("images"), count);
    List<Path> files = list(images);
    ScoringOptions options = ScoringOptions.of(model.toString()).withBatchSize(batch);

    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("reslt-spark-bench")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", ClassifierPlugin.class.getName());
    ScoreImages.localDefaults()
        .forEach((key, value) -> builder.config(key, System.getProperty(key, value)));
    SparkSession spark = builder.getOrCreate();
    try (ResltClassifier classifier = ResltClassifier.open(model, options.classifierOptions())) {
      ImageScorer scorer = ImageScorer.create(spark, options);
      Path out = work.resolve("out");
      System.out.printf(
          Locale.ROOT,
          "images %d, batch %d, open cost %s, partitions %d, rounds %d (first is warm-up)%n",
          files.size(),
          batch,
          spark.conf().get("spark.sql.files.openCostInBytes"),
          spark.read().format("binaryFile").load(images.toString()).rdd().getNumPartitions(),
          rounds + 1);
      for (int round = 0; round <= rounds; round++) {
        double job = timeJob(spark, scorer, images, out);
        double one = timeClassifyAll(classifier, files, batch, 1);
        double two = timeClassifyAll(classifier, files, batch, 2);
        System.out.printf(
            Locale.ROOT,
            "%s job local[2] %.0f img/s | classifyAll 1 thread %.0f img/s | 2 threads %.0f img/s"
                + " | job/1 thread %.2fx | job/2 threads %.2fx%n",
            round == 0 ? "warm-up" : "round " + round,
            files.size() / job,
            files.size() / one,
            files.size() / two,
            one / job,
            two / job);
      }
    } finally {
      spark.stop();
    }
  }

  /** binaryFile, score, write Parquet: the job's work without the JVM and Spark start-up. */
  static double timeJob(SparkSession spark, ImageScorer scorer, Path images, Path out) {
    long start = System.nanoTime();
    Dataset<Row> files = spark.read().format("binaryFile").load(images.toString());
    scorer.transform(files).drop("content").write().mode("overwrite").parquet(out.toString());
    return (System.nanoTime() - start) / 1e9;
  }

  /** Read every file and classify the bytes {@code batch} at a time, on {@code threads} threads. */
  static double timeClassifyAll(
      ResltClassifier classifier, List<Path> files, int batch, int threads) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      int share = (files.size() + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        List<Path> mine = files.subList(t * share, Math.min(files.size(), (t + 1) * share));
        parts.add(pool.submit(() -> classifyAll(classifier, mine, batch)));
      }
      int scored = 0;
      for (Future<Integer> part : parts) {
        scored += part.get();
      }
      if (scored != files.size()) {
        throw new IllegalStateException("scored " + scored + " of " + files.size());
      }
    } finally {
      pool.shutdown();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static int classifyAll(ResltClassifier classifier, List<Path> files, int batch)
      throws IOException {
    int scored = 0;
    for (int from = 0; from < files.size(); from += batch) {
      List<byte[]> bytes = new ArrayList<>(batch);
      for (Path file : files.subList(from, Math.min(files.size(), from + batch))) {
        bytes.add(Files.readAllBytes(file));
      }
      List<Prediction> predictions = classifier.classifyAllEncoded(bytes);
      scored += predictions.size();
    }
    return scored;
  }

  private static Path writeImages(Path mnist, Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    MnistData test = MnistData.load(mnist, "t10k");
    for (int i = 0; i < count; i++) {
      int index = i % test.size();
      Files.write(dir.resolve(String.format("t10k-%05d-%d.png", index, i)), test.png(index));
    }
    return dir;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
