package dev.resltj.trainer.data;

import dev.resltj.trainer.provenance.DataFileHash;
import java.util.List;

/**
 * MNIST in memory: the balanced training set (60,000), the test set (10,000) and the files' hashes.
 */
public record MnistData(LabeledImages train, LabeledImages test, List<DataFileHash> files) {
  public MnistData {
    if (train == null || test == null) {
      throw new IllegalArgumentException("training and test sets are required");
    }
    files = List.copyOf(files);
  }
}
