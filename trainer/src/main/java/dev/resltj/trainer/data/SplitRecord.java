package dev.resltj.trainer.data;

import java.util.List;

/**
 * The {@code split.json} file: which images of the balanced training set a run trained on, and why.
 * {@code indices} are positions in the balanced training set, ascending (an index repeats when
 * drawn with replacement). Read back with {@link LongTailSplit#read}, which checks it against the
 * data. {@code validationIndices} are the balanced validation images ({@code validationPerClass} of
 * each class where the data has them), never among {@code indices}; a file without them (written
 * before validation sets) gets them drawn on reading. {@code validationSource} says where they come
 * from (absent in older files: unused training images); {@code validationFraction} is the share of
 * each training class held out when the profile left no image unused.
 */
public record SplitRecord(
    String profile,
    long seed,
    boolean withReplacement,
    List<Integer> classCounts,
    GroupThresholds thresholds,
    Groups groups,
    List<Integer> indices,
    int validationPerClass,
    List<Integer> validationIndices,
    ValidationSource validationSource,
    double validationFraction) {

  /** Class indices of each group, ascending. */
  public record Groups(List<Integer> head, List<Integer> medium, List<Integer> tail) {}
}
