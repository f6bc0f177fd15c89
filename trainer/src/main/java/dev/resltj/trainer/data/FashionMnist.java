package dev.resltj.trainer.data;

import dev.resltj.trainer.provenance.DataFileHash;
import dev.resltj.trainer.storage.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zalando's Fashion-MNIST: 28x28 grey photos of clothing in ten classes, laid out as MNIST's four
 * IDX files. Debian's package {@code dataset-fashion-mnist} installs the {@code .gz} files into
 * {@link #DEBIAN_DIR}; any folder with the four files (raw or {@code .gz}) under MNIST's names
 * works.
 */
public final class FashionMnist {
  /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
  public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";

  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  /** SHA-256 of each {@code .gz} file as published (and as the Debian package ships it). */
  public static final Map<String, String> GZ_SHA256 =
      ordered(
          "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
          "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
          "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
          "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

  /** SHA-256 of each file's uncompressed IDX content (measured from the files above). */
  public static final Map<String, String> RAW_SHA256 =
      ordered(
          "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
          "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
          "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
          "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

  private FashionMnist() {}

  /** How to get the files into {@code dir}. */
  public static String howToInstall(Path dir) {
    return "Fashion-MNIST is not in "
        + dir
        + ". Install Debian's package: 'sudo apt-get install "
        + DEBIAN_PACKAGE
        + "' (it puts the four .gz files into "
        + DEBIAN_DIR
        + ", the default --data-dir), or put train-images-idx3-ubyte.gz,"
        + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz"
        + " from Zalando's Fashion-MNIST release into "
        + dir
        + " ('reslt-train data fetch --help' lists their SHA-256).";
  }

  /**
   * Loads the training and test sets and checks every file's content against {@link #RAW_SHA256}
   * (which holds for the {@code .gz} and the raw form alike).
   *
   * @throws DataFileException when a file is missing (saying how to install it) or is not
   *     Fashion-MNIST's
   */
  public static MnistData loadVerified(Path dir) {
    MnistData data = load(dir);
    List<String> names = List.copyOf(RAW_SHA256.keySet());
    for (int i = 0; i < names.size(); i++) {
      DataFileHash hash = data.files().get(i);
      String expected = RAW_SHA256.get(names.get(i));
      if (!expected.equals(hash.sha256())) {
        throw new DataFileException(
            Path.of(hash.path()),
            "content SHA-256 is "
                + hash.sha256()
                + " but Fashion-MNIST's "
                + names.get(i)
                + " has "
                + expected
                + ": the file is damaged or is another data set");
      }
    }
    return data;
  }

  /**
   * Loads the training and test sets without checking their content, for other data under
   * Fashion-MNIST's file names.
   *
   * @throws DataFileException when a file is missing, saying how to install the data set
   */
  public static MnistData load(Path dir) {
    if (!MnistFiles.present(dir)) {
      throw new DataFileException(howToInstall(dir));
    }
    return MnistFiles.locate(dir).load(CLASS_NAMES);
  }

  /**
   * Checks the four {@code .gz} files in {@code dir} against {@link #GZ_SHA256}.
   *
   * @return one line per file, saying it matched
   * @throws DataFileException on the first missing or different file
   */
  public static List<String> verifyPackage(Path dir) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : GZ_SHA256.entrySet()) {
      Path file = dir.resolve(e.getKey() + ".gz");
      if (!Files.isRegularFile(file)) {
        throw new DataFileException(howToInstall(dir));
      }
      String actual = sha256(file);
      if (!actual.equals(e.getValue())) {
        throw new DataFileException(
            file,
            "SHA-256 is "
                + actual
                + " but Fashion-MNIST's has "
                + e.getValue()
                + ": the file is damaged or is another data set");
      }
      lines.add(file + "  " + actual + "  ok");
    }
    return lines;
  }

  private static String sha256(Path file) {
    try {
      return Sha256.of(file);
    } catch (IOException e) {
      throw new DataFileException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> ordered(String... hashes) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(MnistFiles.TRAIN_IMAGES, hashes[0]);
    m.put(MnistFiles.TRAIN_LABELS, hashes[1]);
    m.put(MnistFiles.TEST_IMAGES, hashes[2]);
    m.put(MnistFiles.TEST_LABELS, hashes[3]);
    return java.util.Collections.unmodifiableMap(m);
  }
}
