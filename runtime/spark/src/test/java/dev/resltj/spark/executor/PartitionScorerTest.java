package dev.resltj.spark.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.fixtures.MnistDigits;
import dev.resltj.runtime.fixtures.TestImages;
import dev.resltj.spark.ScoringOptions;
import dev.resltj.spark.SparkTestSession;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Batching and error rows, on plain {@link Row}s: no Spark session needed. */
class PartitionScorerTest {
  // input rows: (name, bytes); predictions start at column 2
  private static final int LABEL = 2;
  private static final int INDEX = 3;
  private static final int PROBABILITY = 4;
  private static final int TOP_K = 6;
  private static final int ERROR = 7;

  static ResltClassifier classifier;
  static ScoringOptions options;

  @BeforeAll
  static void open() {
    if (Files.exists(SparkTestSession.defaultModel())) {
      options =
          ScoringOptions.of(SparkTestSession.defaultModel().toString())
              .withBatchSize(3)
              .withImageColumn("bytes");
      classifier =
          ResltClassifier.open(SparkTestSession.defaultModel(), options.classifierOptions());
    }
  }

  @AfterAll
  static void close() {
    if (classifier != null) {
      classifier.close();
    }
    ExecutorClassifiers.closeAll();
  }

  @BeforeEach
  void requireModel() {
    assumeTrue(
        classifier != null,
        "default model missing: " + SparkTestSession.defaultModel().toAbsolutePath());
  }

  private static Row row(String name, byte[] bytes) {
    return RowFactory.create(name, bytes);
  }

  private static List<Row> digits(int count) {
    List<Row> rows = new ArrayList<>();
    for (MnistDigits.Digit digit : MnistDigits.all().subList(0, count)) {
      rows.add(row(digit.resource(), digit.png()));
    }
    return rows;
  }

  @Test
  void aCorruptImageInTheMiddleOfABatchCostsOnlyItsOwnRow() {
    List<Row> batch = new ArrayList<>(digits(2));
    batch.add(1, row("corrupt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}));
    List<Row> out = new PartitionScorer(options, 1).scoreBatch(batch, classifier);

    assertThat(out).hasSize(3);
    assertThat(out.get(1).getString(0)).isEqualTo("corrupt");
    assertThat(out.get(1).getString(ERROR)).isNotBlank();
    assertThat(out.get(1).isNullAt(LABEL)).isTrue();
    assertThat(out.get(1).isNullAt(TOP_K)).isTrue();
    for (int i : new int[] {0, 2}) {
      Row scored = out.get(i);
      assertThat(scored.isNullAt(ERROR)).isTrue();
      Prediction expected = classifier.classify((byte[]) scored.get(1));
      assertThat(scored.getString(LABEL)).isEqualTo(expected.label());
      assertThat(scored.getInt(INDEX)).isEqualTo(expected.best().index());
      assertThat(scored.getFloat(PROBABILITY)).isEqualTo(expected.probability());
    }
  }

  @Test
  void aNullImageGetsAnErrorNamingTheColumn() {
    List<Row> out =
        new PartitionScorer(options, 1).scoreBatch(List.of(row("missing", null)), classifier);
    assertThat(out.get(0).getString(ERROR)).isEqualTo("no image: column bytes is null");
  }

  @Test
  void anImageDeclaringTooManyPixelsIsRefusedWithItsSize() {
    Row huge = row("huge", TestImages.pngDeclaring(50_000, 50_000));
    List<Row> out = new PartitionScorer(options, 1).scoreBatch(List.of(huge), classifier);
    assertThat(out.get(0).getString(ERROR)).contains("50000");
  }

  @Test
  void topKHoldsTheRequestedClassesMostProbableFirst() {
    Row scored = new PartitionScorer(options, 1).scoreBatch(digits(1), classifier).get(0);
    List<Row> topK = CollectionConverters.asJava(scored.<Seq<Row>>getAs(TOP_K));
    assertThat(topK).hasSize(5);
    assertThat(topK.get(0).getString(0)).isEqualTo(scored.getString(LABEL));
    for (int i = 1; i < topK.size(); i++) {
      assertThat(topK.get(i).getFloat(2)).isLessThanOrEqualTo(topK.get(i - 1).getFloat(2));
    }
  }

  @Test
  void aPartitionLongerThanABatchComesOutWholeAndInOrder() {
    List<Row> input = digits(7); // batches of 3, 3 and 1
    Iterator<Row> out = new PartitionScorer(options, 1).call(input.iterator());
    List<String> names = new ArrayList<>();
    out.forEachRemaining(r -> names.add(r.getString(0)));
    assertThat(names).containsExactlyElementsOf(input.stream().map(r -> r.getString(0)).toList());
  }

  @Test
  void theInputColumnsAreKeptAsTheyWere() {
    Row input = digits(1).get(0);
    Row scored = new PartitionScorer(options, 1).scoreBatch(List.of(input), classifier).get(0);
    assertThat(scored.getString(0)).isEqualTo(input.getString(0));
    assertThat(Arrays.equals((byte[]) scored.get(1), (byte[]) input.get(1))).isTrue();
    assertThat(scored.length()).isEqualTo(8);
  }
}
