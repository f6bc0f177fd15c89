package dev.resltj.spark.executor;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.runtime.ClassScore;
import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.ResltException;
import dev.resltj.spark.ScoringOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Scores one partition: takes the rows {@code batchSize} at a time, decodes and prepares each image
 * on its own (a bad image becomes an error row, not a failed batch), runs the model once on the
 * batch's good images with {@link ResltClassifier#classifyAll(float[], int)}, and emits each input
 * row with the prediction columns appended. Rows are pulled lazily, one batch ahead at most, so a
 * partition never sits in memory whole.
 */
public final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ScoringOptions options;
  private final int imageColumn;

  /**
   * @param imageColumn position of the binary image column in the input rows
   */
  public PartitionScorer(ScoringOptions options, int imageColumn) {
    this.options = options;
    this.imageColumn = imageColumn;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    if (!rows.hasNext()) {
      return rows;
    }
    return new Batches(rows, ExecutorClassifiers.get(options));
  }

  /** Scores one batch of rows; public for tests that need no Spark. */
  public List<Row> scoreBatch(List<Row> batch, ResltClassifier classifier) {
    int size = classifier.imageSize();
    float[] pixels = new float[Math.multiplyExact(batch.size(), size)];
    int[] slot = new int[batch.size()];
    String[] errors = new String[batch.size()];
    int good = 0;
    for (int i = 0; i < batch.size(); i++) {
      Row row = batch.get(i);
      if (row.isNullAt(imageColumn)) {
        errors[i] = "no image: column " + options.imageColumn() + " is null";
        continue;
      }
      try {
        float[] prepared = classifier.prepare((byte[]) row.get(imageColumn));
        System.arraycopy(prepared, 0, pixels, good * size, size);
        slot[i] = good++;
      } catch (ResltException e) {
        errors[i] = e.getMessage();
      } catch (RuntimeException e) {
        // a decoder bug on a hostile file must cost one row, not the job
        errors[i] = "cannot decode the image: " + e;
      }
    }
    List<Prediction> predictions = List.of();
    if (good > 0) {
      try {
        predictions = classifier.classifyAll(Arrays.copyOf(pixels, good * size), good);
      } catch (ResltException e) {
        for (int i = 0; i < batch.size(); i++) {
          if (errors[i] == null) {
            errors[i] = "the model failed on this image's batch: " + e.getMessage();
          }
        }
      }
    }
    List<Row> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      out.add(
          errors[i] == null
              ? withPrediction(batch.get(i), predictions.get(slot[i]))
              : withError(batch.get(i), errors[i]));
    }
    return out;
  }

  private static Row withPrediction(Row input, Prediction prediction) {
    ClassScore best = prediction.best();
    List<Row> topK = new ArrayList<>(prediction.topK().size());
    for (ClassScore score : prediction.topK()) {
      topK.add(RowFactory.create(score.label(), score.index(), score.probability(), group(score)));
    }
    return append(
        input,
        best.label(),
        best.index(),
        best.probability(),
        group(best),
        CollectionConverters.asScala(topK).toSeq(),
        null);
  }

  private static Row withError(Row input, String error) {
    return append(input, null, null, null, null, null, error);
  }

  private static String group(ClassScore score) {
    return score.group().map(ClassGroup::id).orElse(null);
  }

  private static Row append(Row input, Object... predictionValues) {
    Object[] values = new Object[input.length() + predictionValues.length];
    for (int i = 0; i < input.length(); i++) {
      values[i] = input.get(i);
    }
    System.arraycopy(predictionValues, 0, values, input.length(), predictionValues.length);
    return RowFactory.create(values);
  }

  /** The partition's rows, scored a batch at a time as they are asked for. */
  private final class Batches implements Iterator<Row> {
    private final Iterator<Row> input;
    private final ResltClassifier classifier;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();

    Batches(Iterator<Row> input, ResltClassifier classifier) {
      this.input = input;
      this.classifier = classifier;
    }

    @Override
    public boolean hasNext() {
      if (ready.isEmpty() && input.hasNext()) {
        List<Row> batch = new ArrayList<>(options.batchSize());
        while (batch.size() < options.batchSize() && input.hasNext()) {
          batch.add(input.next());
        }
        ready.addAll(scoreBatch(batch, classifier));
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more rows in this partition");
      }
      return ready.poll();
    }
  }
}
