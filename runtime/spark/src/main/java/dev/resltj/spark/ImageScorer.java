package dev.resltj.spark;

import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.spark.executor.ClassifierPlugin;
import dev.resltj.spark.executor.ModelLocation;
import dev.resltj.spark.executor.PartitionScorer;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a ResLT-J model's predictions to a {@code Dataset<Row>} of encoded images.
 *
 * <pre>{@code
 * ImageScorer scorer = ImageScorer.create(spark, ScoringOptions.of("models/reslt-mnist-lt.onnx"));
 * Dataset<Row> images = spark.read().format("binaryFile").load("images/*.png");
 * Dataset<Row> scored = scorer.transform(images).drop("content");
 * }</pre>
 *
 * <p>{@link #create} opens the model once on the driver, so a missing or broken model fails there,
 * before any task starts, and ships the file to the executors when the job has not already ({@code
 * --files}). {@link #transform} is lazy like any Spark transformation: each executor opens the
 * model once, on its first partition, and every later partition and task on it reuses that
 * classifier. A bad image (unreadable, not an image, too large) gets an {@code error} and null
 * predictions; it never fails the job. Also usable as {@code images.transform(scorer::transform)}.
 */
public final class ImageScorer {
  private static final Logger LOG = LoggerFactory.getLogger(ImageScorer.class);

  private final ScoringOptions options;
  private final ModelCard card;

  private ImageScorer(ScoringOptions options, ModelCard card) {
    this.options = options;
    this.card = card;
  }

  /**
   * Checks the model on the driver and makes it reachable from the executors.
   *
   * @throws ModelLoadException when the model is missing or not a classifier the runtime can run
   */
  public static ImageScorer create(SparkSession spark, ScoringOptions options) {
    Path model = ModelLocation.resolve(options.model());
    ModelCard card;
    try (ResltClassifier classifier = ResltClassifier.open(model, options.classifierOptions())) {
      card = classifier.modelCard();
    }
    ship(spark.sparkContext(), model);
    String plugins = spark.sparkContext().getConf().get("spark.plugins", "");
    if (!Arrays.asList(plugins.split(",")).contains(ClassifierPlugin.class.getName())) {
      LOG.info(
          "spark.plugins does not list {}: executors keep their classifier until their JVM exits",
          ClassifierPlugin.class.getName());
    }
    return new ImageScorer(options, card);
  }

  /** The options every executor scores with. */
  public ScoringOptions options() {
    return options;
  }

  /** What the model says about itself (labels, groups, recorded accuracy), read on the driver. */
  public ModelCard modelCard() {
    return card;
  }

  /**
   * {@code images} with the {@link PredictionColumns} appended, one output row per input row, in
   * the same partitions.
   *
   * @throws IllegalArgumentException when the image column is missing or not binary, or an input
   *     column already has a prediction column's name
   */
  public Dataset<Row> transform(Dataset<Row> images) {
    StructType input = images.schema();
    String column = options.imageColumn();
    if (!Arrays.asList(input.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(
          "no image column '"
              + column
              + "' in "
              + input.simpleString()
              + ": expected a binary column of encoded images (binaryFile's content)");
    }
    StructField field = input.apply(column);
    if (!field.dataType().equals(DataTypes.BinaryType)) {
      throw new IllegalArgumentException(
          "column '"
              + column
              + "' is "
              + field.dataType().simpleString()
              + ": expected binary (the bytes of a PNG, JPEG, BMP or GIF file)");
    }
    for (String name : PredictionColumns.NAMES) {
      if (Arrays.asList(input.fieldNames()).contains(name)) {
        throw new IllegalArgumentException(
            "the input already has a column '"
                + name
                + "', which the predictions would duplicate: rename it first"
                + " (withColumnRenamed)");
      }
    }
    StructType output = PredictionColumns.appendedTo(input);
    return images.mapPartitions(
        new PartitionScorer(options, input.fieldIndex(column)), Encoders.row(output));
  }

  private static void ship(SparkContext context, Path model) {
    String name = model.getFileName().toString();
    boolean shipped =
        scala.jdk.javaapi.CollectionConverters.asJava(context.listFiles()).stream()
            .anyMatch(uri -> uri.endsWith("/" + name));
    if (!shipped) {
      context.addFile(model.toString());
    }
  }
}
