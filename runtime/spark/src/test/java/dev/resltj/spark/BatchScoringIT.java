package dev.resltj.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.runtime.ClassScore;
import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.fixtures.MnistData;
import dev.resltj.runtime.fixtures.TestImages;
import dev.resltj.spark.executor.ExecutorClassifiers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * 1,000 MNIST test digits written as files, read by Spark's {@code binaryFile} source on {@code
 * local[2]} and scored once for the whole class; each test checks one property of that run.
 */
class BatchScoringIT {
  static final int DIGITS = 1000;

  /**
   * Every tenth test image, so the sample spreads over the whole test set as the card's accuracy
   * does (the first 1,000 are easier than the rest).
   */
  static final int STRIDE = 10;

  private static final Pattern NAME = Pattern.compile("t10k-(\\d{5})-label-(\\d)\\.(png|jpg)$");

  @TempDir static Path dir;

  static SparkSession spark;
  static ImageScorer scorer;
  static Dataset<Row> scored;
  static Map<String, Row> byFile;
  static int partitions;
  static int loadsDuringScoring;

  @BeforeAll
  static void scoreOnce() throws IOException {
    Path model = SparkTestSession.defaultModel();
    if (!Files.exists(model) || MnistData.directory().isEmpty()) {
      return;
    }
    MnistData test = MnistData.load(MnistData.directory().get(), "t10k");
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < DIGITS; i++) {
      int index = i * STRIDE;
      byte[] png = test.png(index);
      String stem = String.format("t10k-%05d-label-%d", index, test.label(index));
      if (i % 50 == 7) {
        // as a photo or a browser would save it: RGB JPEG
        BufferedImage rgb = TestImages.toRgb(TestImages.decode(png));
        Files.write(images.resolve(stem + ".jpg"), TestImages.encodeJpeg(rgb, 0.95f));
      } else if (i % 50 == 31) {
        // a dark digit on white paper: the runtime inverts it back
        BufferedImage inverted = TestImages.inverted(TestImages.decode(png));
        Files.write(images.resolve(stem + ".png"), TestImages.encode(inverted, "png"));
      } else {
        Files.write(images.resolve(stem + ".png"), png);
      }
    }
    Files.write(images.resolve("corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10});
    Files.write(images.resolve("huge.png"), TestImages.pngDeclaring(50_000, 50_000));

    spark = SparkTestSession.start("BatchScoringIT");
    scorer = ImageScorer.create(spark, ScoringOptions.of(model.toString()).withBatchSize(32));
    Dataset<Row> files = spark.read().format("binaryFile").load(images.toString());
    partitions = files.rdd().getNumPartitions();
    int loadsBefore = ExecutorClassifiers.loadCount();
    scored = scorer.transform(files).drop("content").cache();
    byFile = new HashMap<>();
    for (Row row : scored.collectAsList()) {
      byFile.put(Path.of(URI.create(row.getString(row.fieldIndex("path")))).toString(), row);
    }
    loadsDuringScoring = ExecutorClassifiers.loadCount() - loadsBefore;
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @BeforeEach
  void requireModelAndMnist() {
    assumeTrue(
        spark != null, "needs the default model and MNIST (system property reslt.mnist.dir)");
  }

  static Path images() {
    return dir.resolve("images");
  }

  static List<Path> digitFiles() throws IOException {
    try (var files = Files.list(images())) {
      return files.filter(f -> NAME.matcher(f.getFileName().toString()).find()).sorted().toList();
    }
  }

  static int trueLabel(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(2));
  }

  @Test
  void everyFileGetsExactlyOneRow() throws IOException {
    assertThat(digitFiles()).hasSize(DIGITS);
    assertThat(scored.count()).isEqualTo(DIGITS + 2);
    assertThat(byFile).hasSize(DIGITS + 2);
  }

  @Test
  void predictionsEqualClassifyingEachFileOnItsOwn() throws IOException {
    try (ResltClassifier single =
        ResltClassifier.open(
            SparkTestSession.defaultModel(), scorer.options().classifierOptions())) {
      for (Path file : digitFiles()) {
        Row row = byFile.get(file.toString());
        Prediction expected = single.classify(file);
        assertThat(row.isNullAt(row.fieldIndex("error"))).as(file.toString()).isTrue();
        assertThat(row.<String>getAs("label")).as(file.toString()).isEqualTo(expected.label());
        assertThat(row.<Integer>getAs("index")).isEqualTo(expected.best().index());
        assertThat(row.<Float>getAs("probability")).isEqualTo(expected.probability());
        assertThat(row.<String>getAs("group"))
            .isEqualTo(expected.best().group().orElseThrow().id());
        List<Row> topK = CollectionConverters.asJava(row.<Seq<Row>>getAs("top_k"));
        assertThat(topK.stream().map(r -> r.getInt(1)).toList())
            .isEqualTo(expected.topK().stream().map(ClassScore::index).toList());
      }
    }
  }

  @Test
  void accuracyIsTheModelCardsWithinHalfAPoint() throws IOException {
    int correct = 0;
    for (Path file : digitFiles()) {
      if (byFile.get(file.toString()).<String>getAs("label").equals("" + trueLabel(file))) {
        correct++;
      }
    }
    double recorded = scorer.modelCard().metrics().orElseThrow().top1().orElseThrow();
    assertThat(correct / (double) DIGITS).isCloseTo(recorded, within(0.005));
  }

  @Test
  void aCorruptFileYieldsAnErrorRowAndNoPrediction() {
    Row corrupt = byFile.get(images().resolve("corrupt.png").toString());
    assertThat(corrupt.<String>getAs("error")).isNotBlank();
    assertThat(corrupt.isNullAt(corrupt.fieldIndex("label"))).isTrue();
    assertThat(corrupt.isNullAt(corrupt.fieldIndex("top_k"))).isTrue();
  }

  @Test
  void anImageDeclaringTooManyPixelsYieldsAnErrorRow() {
    Row huge = byFile.get(images().resolve("huge.png").toString());
    assertThat(huge.<String>getAs("error")).contains("50000");
  }

  @Test
  void theModelIsLoadedOnceForAllPartitions() {
    assertThat(partitions).isGreaterThan(2);
    assertThat(loadsDuringScoring).isEqualTo(1);
  }

  @Test
  void parquetOutputReadsBackWithTheDocumentedSchema() {
    String out = dir.resolve("parquet").toString();
    scored.drop("modificationTime", "length").write().parquet(out);
    Dataset<Row> back = spark.read().parquet(out);
    assertThat(back.schema().simpleString())
        .isEqualTo(
            "struct<path:string,label:string,index:int,probability:float,group:string,"
                + "top_k:array<struct<label:string,index:int,probability:float,group:string>>,"
                + "error:string>");
    assertThat(back.count()).isEqualTo(DIGITS + 2);
    assertThat(back.filter("error is not null").count()).isEqualTo(2);
    assertThat(back.filter("label is not null and size(top_k) = 5").count()).isEqualTo(DIGITS);
  }
}
