package dev.resltj.spark;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns {@link ImageScorer} appends to every row, in this order. On success {@code error} is
 * null and the others are set; on a bad image {@code error} says why and the others are null, so
 * {@code where error is null} selects the scored rows.
 *
 * <table>
 *   <caption>prediction columns</caption>
 *   <tr><th>column</th><th>type</th><th>value</th></tr>
 *   <tr><td>{@code label}</td><td>string</td><td>the most probable class's label</td></tr>
 *   <tr><td>{@code index}</td><td>int</td><td>its index in the model's output</td></tr>
 *   <tr><td>{@code probability}</td><td>float</td><td>its softmax probability</td></tr>
 *   <tr><td>{@code group}</td><td>string</td><td>head, medium or tail; null for a model
 *       without groups</td></tr>
 *   <tr><td>{@code top_k}</td><td>array of struct(label, index, probability, group)</td>
 *       <td>the most probable classes, most probable first</td></tr>
 *   <tr><td>{@code error}</td><td>string</td><td>null on success, else why the image was not
 *       scored</td></tr>
 * </table>
 */
public final class PredictionColumns {
  public static final String LABEL = "label";
  public static final String INDEX = "index";
  public static final String PROBABILITY = "probability";
  public static final String GROUP = "group";
  public static final String TOP_K = "top_k";
  public static final String ERROR = "error";

  /** The appended columns' names, in order. */
  public static final List<String> NAMES = List.of(LABEL, INDEX, PROBABILITY, GROUP, TOP_K, ERROR);

  private PredictionColumns() {}

  /** One element of {@code top_k}. */
  public static StructType classScore() {
    return new StructType(
        new StructField[] {
          DataTypes.createStructField(LABEL, DataTypes.StringType, false),
          DataTypes.createStructField(INDEX, DataTypes.IntegerType, false),
          DataTypes.createStructField(PROBABILITY, DataTypes.FloatType, false),
          DataTypes.createStructField(GROUP, DataTypes.StringType, true)
        });
  }

  /** The appended columns as fields; all nullable, since a bad image has only an error. */
  public static List<StructField> fields() {
    return List.of(
        DataTypes.createStructField(LABEL, DataTypes.StringType, true),
        DataTypes.createStructField(INDEX, DataTypes.IntegerType, true),
        DataTypes.createStructField(PROBABILITY, DataTypes.FloatType, true),
        DataTypes.createStructField(GROUP, DataTypes.StringType, true),
        DataTypes.createStructField(TOP_K, DataTypes.createArrayType(classScore(), false), true),
        DataTypes.createStructField(ERROR, DataTypes.StringType, true));
  }

  /** {@code input} with the prediction columns appended. */
  public static StructType appendedTo(StructType input) {
    StructType out = input;
    for (StructField field : fields()) {
      out = out.add(field);
    }
    return out;
  }
}
