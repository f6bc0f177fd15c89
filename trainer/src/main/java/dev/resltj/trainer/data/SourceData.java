package dev.resltj.trainer.data;

import dev.resltj.trainer.provenance.DataFileHash;
import dev.resltj.trainer.storage.Sha256;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A data source read and shaped, before any long-tail split: the whole training pool the split
 * draws from, the test images, the data's own validation images when it has them, what the data is,
 * and the hashes of the files read. Image folders and lists are indexed first (every file's header
 * is read, so a non-image fails before training starts), then held decoded when they fit {@link
 * SourceSettings#cacheBytes()} or left on disk to be decoded batch by batch. Closing it ends the
 * decoding threads.
 */
public final class SourceData implements AutoCloseable {
  private final ImageSet pool;
  private final ImageSet test;
  private final Optional<ImageSet> validation;
  private final DatasetDescription description;
  private final List<DataFileHash> files;
  private final BadImages bad;
  private final Optional<DecodeWorkers> workers;

  private SourceData(
      ImageSet pool,
      ImageSet test,
      Optional<ImageSet> validation,
      DatasetDescription description,
      List<DataFileHash> files,
      BadImages bad,
      Optional<DecodeWorkers> workers) {
    this.pool = pool;
    this.test = test;
    this.validation = validation;
    this.description = description;
    this.files = List.copyOf(files);
    this.bad = bad;
    this.workers = workers;
  }

  /** Wraps data already in memory (the MNIST family, tests). */
  public static SourceData inMemory(
      LabeledImages pool,
      LabeledImages test,
      DatasetDescription description,
      List<DataFileHash> files) {
    return new SourceData(
        pool, test, Optional.empty(), description, files, BadImages.fail(), Optional.empty());
  }

  /**
   * Reads the source {@code settings} names; progress of long steps goes to {@code log}.
   *
   * @throws DataFileException naming the file (and line) of the first bad entry, or a missing data
   *     set with how to get it
   * @throws FetchException when MNIST is missing and cannot be fetched
   */
  public static SourceData load(SourceSettings settings, PrintStream log) {
    return switch (settings.kind()) {
      case MNIST -> {
        MnistData mnist = MnistFetcher.ensure(settings.dataDir()).loadVerified();
        yield inMemory(
            mnist.train(), mnist.test(), idxDescription(DatasetKind.MNIST, mnist), mnist.files());
      }
      case FASHION_MNIST -> {
        MnistData fashion = FashionMnist.loadVerified(settings.dataDir());
        yield inMemory(
            fashion.train(),
            fashion.test(),
            idxDescription(DatasetKind.FASHION_MNIST, fashion),
            fashion.files());
      }
      case FOLDER, LIST -> loadFiles(settings, log);
    };
  }

  private static DatasetDescription idxDescription(DatasetKind kind, MnistData data) {
    LabeledImages t = data.train();
    return new DatasetDescription(
        kind.publishedName().orElseThrow(),
        kind,
        t.classNames(),
        t.channels(),
        t.height(),
        t.width(),
        kind.style());
  }

  private static SourceData loadFiles(SourceSettings s, PrintStream log) {
    BadImages bad = s.skipBadImages() ? BadImages.skip() : BadImages.fail();
    Path dir = s.dataDir();
    ImageIndex train;
    ImageIndex test;
    Optional<ImageIndex> val = Optional.empty();
    String trainSource;
    if (s.kind() == DatasetKind.FOLDER) {
      train = ImageIndex.folder(dir.resolve("train"), Optional.empty());
      Optional<List<String>> names = Optional.of(train.classNames());
      test = ImageIndex.folder(dir.resolve("test"), names);
      if (java.nio.file.Files.isDirectory(dir.resolve("val"))) {
        val = Optional.of(ImageIndex.folder(dir.resolve("val"), names));
      }
      trainSource = dir.resolve("train").toString();
    } else {
      Optional<List<String>> names = s.classNamesFile().map(ImageIndex::classNamesFile);
      train = ImageIndex.listFile(s.trainList().orElseThrow(), dir, names, bad);
      Optional<List<String>> fixed = Optional.of(train.classNames());
      test = ImageIndex.listFile(s.testList().orElseThrow(), dir, fixed, bad);
      if (s.valList().isPresent()) {
        val = Optional.of(ImageIndex.listFile(s.valList().get(), dir, fixed, bad));
      }
      trainSource = s.trainList().get().toString();
    }
    DecodeWorkers workers = DecodeWorkers.start(s.decodeThreads());
    try {
      Progress headers = Progress.on(log, "reading image headers");
      int total =
          train.entries().size()
              + test.entries().size()
              + val.map(v -> v.entries().size()).orElse(0);
      AtomicInteger done = new AtomicInteger();
      Shapes trainShapes = Shapes.probe(train, workers, bad, headers, done, total);
      Shapes testShapes = Shapes.probe(test, workers, bad, headers, done, total);
      Optional<Shapes> valShapes =
          val.map(v -> Shapes.probe(v, workers, bad, headers, done, total));
      train = trainShapes.kept().requireEveryClass(trainSource);
      test = testShapes.kept();
      Shapes shapes = trainShapes.and(testShapes);
      if (valShapes.isPresent()) {
        val = Optional.of(valShapes.get().kept());
        shapes = shapes.and(valShapes.get());
      }
      if (headers.seconds() > 2) {
        log.printf(Locale.ROOT, "indexed %,d images in %.1f s%n", total, headers.seconds());
      }
      int channels = s.channels().orElse(shapes.anyColour() ? 3 : 1);
      boolean common = shapes.height() > 0;
      int height =
          s.imageSize().orElse(common ? shapes.height() : SourceSettings.DEFAULT_IMAGE_SIZE);
      int width = s.imageSize().orElse(common ? shapes.width() : SourceSettings.DEFAULT_IMAGE_SIZE);
      ImageDecoder decoder = new ImageDecoder(channels, height, width);
      long budget = s.cacheBytes();
      ImageSet pool = shaped(train, decoder, workers, bad, budget, log, "decoding training images");
      budget -= cost(pool);
      ImageSet testSet = shaped(test, decoder, workers, bad, budget, log, "decoding test images");
      budget -= cost(testSet);
      Optional<ImageSet> valSet = Optional.empty();
      if (val.isPresent()) {
        valSet =
            Optional.of(
                shaped(
                    val.get(), decoder, workers, bad, budget, log, "decoding validation images"));
      }
      requireEveryClass(pool, trainSource);
      Path named = s.kind() == DatasetKind.FOLDER ? dir : s.trainList().get();
      DatasetDescription description =
          new DatasetDescription(
              nameOf(named, s.kind()),
              s.kind(),
              train.classNames(),
              channels,
              height,
              width,
              s.kind().style());
      List<DataFileHash> hashes = new ArrayList<>();
      for (Optional<Path> list :
          List.of(s.trainList(), s.testList(), s.valList(), s.classNamesFile())) {
        list.ifPresent(f -> hashes.add(hashOf(f)));
      }
      return new SourceData(pool, testSet, valSet, description, hashes, bad, Optional.of(workers));
    } catch (RuntimeException e) {
      workers.close();
      throw e;
    }
  }

  private static DataFileHash hashOf(Path file) {
    try {
      return new DataFileHash(file.toString(), Sha256.of(file));
    } catch (java.io.IOException e) {
      throw new DataFileException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** The folder's (or list's folder's) name. */
  private static String nameOf(Path path, DatasetKind kind) {
    Path abs = path.toAbsolutePath().normalize();
    Path folder = kind == DatasetKind.FOLDER ? abs : abs.getParent();
    return folder == null || folder.getFileName() == null
        ? kind.id()
        : folder.getFileName().toString();
  }

  /** Decoded into memory when it fits {@code budget} bytes, else left on disk. */
  private static ImageSet shaped(
      ImageIndex index,
      ImageDecoder decoder,
      DecodeWorkers workers,
      BadImages bad,
      long budget,
      PrintStream log,
      String what) {
    FileImages files = new FileImages(index.entries(), index.classNames(), decoder, workers, bad);
    long bytes = (long) files.size() * files.imageSize();
    if (bytes > budget) {
      return files;
    }
    return files.decodeAll(Progress.on(log, what));
  }

  private static long cost(ImageSet set) {
    return set.streamed() ? 0 : (long) set.size() * set.imageSize();
  }

  private static void requireEveryClass(ImageSet pool, String source) {
    ImageIndex.requireEveryClass(
        pool.classCounts(), pool.classNames(), source, "readable training image");
  }

  /** Image sizes and colour over the headers of one part, and the entries whose header read. */
  private record Shapes(ImageIndex kept, int height, int width, boolean anyColour) {
    static Shapes probe(
        ImageIndex index,
        DecodeWorkers workers,
        BadImages bad,
        Progress progress,
        AtomicInteger done,
        int total) {
      List<ImageEntry> entries = index.entries();
      ImageDecoder.Header[] headers = new ImageDecoder.Header[entries.size()];
      workers.forEach(
          entries.size(),
          i -> {
            ImageEntry e = entries.get(i);
            try {
              headers[i] = ImageDecoder.header(e.file());
            } catch (DataFileException problem) {
              bad.report(
                  e.origin().isEmpty()
                      ? problem
                      : new DataFileException(e.origin() + ": " + problem.getMessage(), problem));
            }
            progress.update(done.incrementAndGet(), total);
          });
      boolean[] drop = new boolean[headers.length];
      int h = 0;
      int w = 0;
      boolean mixed = false;
      boolean colour = false;
      for (int i = 0; i < headers.length; i++) {
        ImageDecoder.Header header = headers[i];
        if (header == null) {
          drop[i] = true;
          continue;
        }
        colour |= header.colour();
        if (h == 0) {
          h = header.height();
          w = header.width();
        } else if (h != header.height() || w != header.width()) {
          mixed = true;
        }
      }
      return new Shapes(index.without(drop), mixed ? 0 : h, mixed ? 0 : w, colour);
    }

    /** Both parts together: a common size only when both share it. */
    Shapes and(Shapes other) {
      boolean same = height == other.height && width == other.width;
      return new Shapes(kept, same ? height : 0, same ? width : 0, anyColour || other.anyColour);
    }
  }

  public ImageSet pool() {
    return pool;
  }

  public ImageSet test() {
    return test;
  }

  /** The data's own validation images ({@code DIR/val/}, {@code --val-list}), if any. */
  public Optional<ImageSet> validation() {
    return validation;
  }

  public DatasetDescription description() {
    return description;
  }

  /** Hashes of the data files read (IDX files; list and class-name files). */
  public List<DataFileHash> files() {
    return files;
  }

  public BadImages badImages() {
    return bad;
  }

  @Override
  public void close() {
    workers.ifPresent(DecodeWorkers::close);
  }
}
