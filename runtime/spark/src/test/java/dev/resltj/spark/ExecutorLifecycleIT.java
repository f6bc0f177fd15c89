package dev.resltj.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.fixtures.MnistDigits;
import dev.resltj.spark.executor.ExecutorClassifiers;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The per-executor classifier's life, and the checks {@link ImageScorer} makes on the driver, on a
 * {@code Dataset} built in memory with its images in a column named {@code image}. The last test
 * stops Spark.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutorLifecycleIT {
  static SparkSession spark;
  static Dataset<Row> digits;
  static ScoringOptions options;

  @BeforeAll
  static void start() {
    if (!Files.exists(SparkTestSession.defaultModel())) {
      return;
    }
    spark = SparkTestSession.start("ExecutorLifecycleIT");
    StructType schema =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("truth", DataTypes.IntegerType)
            .add("image", DataTypes.BinaryType);
    List<Row> rows = new ArrayList<>();
    for (MnistDigits.Digit digit : MnistDigits.all()) {
      rows.add(RowFactory.create(digit.resource(), digit.label(), digit.png()));
    }
    digits = spark.createDataFrame(rows, schema).repartition(4);
    options =
        ScoringOptions.of(SparkTestSession.defaultModel().toString())
            .withImageColumn("image")
            .withBatchSize(4);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @BeforeEach
  void requireModel() {
    assumeTrue(spark != null, "default model missing: " + SparkTestSession.defaultModel());
  }

  @Test
  @Order(1)
  void scoresAnyBinaryColumnAndKeepsTheOtherColumns() {
    List<Row> scored = ImageScorer.create(spark, options).transform(digits).collectAsList();
    assertThat(scored).hasSize(MnistDigits.all().size());
    try (ResltClassifier single =
        ResltClassifier.open(SparkTestSession.defaultModel(), options.classifierOptions())) {
      for (Row row : scored) {
        assertThat(row.<String>getAs("label"))
            .as(row.<String>getAs("name"))
            .isEqualTo(single.classify(row.<byte[]>getAs("image")).label());
      }
    }
  }

  @Test
  @Order(2)
  void laterJobsReuseTheExecutorsClassifier() {
    ImageScorer scorer = ImageScorer.create(spark, options);
    scorer.transform(digits).count();
    int loads = ExecutorClassifiers.loadCount();
    assertThat(scorer.transform(digits).filter("error is null").count()).isEqualTo(20);
    assertThat(ExecutorClassifiers.loadCount()).isEqualTo(loads);
    assertThat(ExecutorClassifiers.openCount()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void rejectsAnImageColumnThatIsNotBinary() {
    ImageScorer scorer = ImageScorer.create(spark, options.withImageColumn("name"));
    assertThatThrownBy(() -> scorer.transform(digits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("column 'name' is string: expected binary");
  }

  @Test
  @Order(4)
  void rejectsInputThatAlreadyHasAPredictionColumnsName() {
    ImageScorer scorer = ImageScorer.create(spark, options);
    Dataset<Row> labelled = digits.withColumnRenamed("truth", "label");
    assertThatThrownBy(() -> scorer.transform(labelled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has a column 'label'");
  }

  @Test
  @Order(5)
  void aMissingModelFailsOnTheDriverBeforeAnyTask() {
    assertThatThrownBy(() -> ImageScorer.create(spark, ScoringOptions.of("no/such/model.onnx")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("model file no/such/model.onnx not found");
  }

  @Test
  @Order(6)
  void stoppingSparkClosesTheExecutorsClassifiers() {
    ImageScorer.create(spark, options).transform(digits).count();
    assertThat(ExecutorClassifiers.openCount()).isPositive();
    spark.stop();
    assertThat(ExecutorClassifiers.openCount()).isZero();
  }
}
