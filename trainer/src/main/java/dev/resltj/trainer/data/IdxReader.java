package dev.resltj.trainer.data;

import dev.resltj.trainer.storage.Sha256;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of the MNIST family (MNIST, Fashion-MNIST, KMNIST): unsigned-byte images
 * ({@code idx3}, magic {@code 0x00000803}) and labels ({@code idx1}, magic {@code 0x00000801}), raw
 * or gzip-compressed (told apart by the gzip magic bytes, not by the file name). The SHA-256 of the
 * uncompressed content is computed in the same pass, so verification and provenance cost no second
 * read.
 *
 * <p>Every problem with a file is a {@link DataFileException} naming the file and what was wrong.
 */
public final class IdxReader {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  /** Larger images are not MNIST-family data but a corrupt header. */
  static final int MAX_SIDE = 4096;

  /** What a Java array can hold, with a margin. */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 16L;

  /** Deflate cannot compress better than about 1032:1; a header claiming more is corrupt. */
  private static final long MAX_DEFLATE_RATIO = 1100;

  private IdxReader() {}

  /** Images of an {@code idx3-ubyte} file. */
  public static IdxImages readImages(Path file) {
    return readImages(file, true);
  }

  /** Without hashing when {@code hash} is false ({@code sha256()} is then {@code null}). */
  static IdxImages readImages(Path file, boolean hash) {
    return read(
        file, IMAGES_MAGIC, hash, (dims, data, sha) -> new IdxImages(file, dims, data, sha));
  }

  /** Labels of an {@code idx1-ubyte} file. */
  public static IdxLabels readLabels(Path file) {
    return readLabels(file, true);
  }

  /** Without hashing when {@code hash} is false ({@code sha256()} is then {@code null}). */
  static IdxLabels readLabels(Path file, boolean hash) {
    return read(file, LABELS_MAGIC, hash, (dims, data, sha) -> new IdxLabels(file, data, sha));
  }

  /**
   * Reads an images file and its labels file into one {@link LabeledImages}, checking that they
   * hold the same number of items and that every label names one of {@code classNames}.
   */
  public static LabeledImages read(Path imagesFile, Path labelsFile, List<String> classNames) {
    return join(readImages(imagesFile), readLabels(labelsFile), classNames);
  }

  /** Joins images and labels read separately; see {@link #read(Path, Path, List)}. */
  public static LabeledImages join(IdxImages images, IdxLabels labels, List<String> classNames) {
    if (images.count() != labels.count()) {
      throw new DataFileException(
          "image and label files do not match: "
              + images.file()
              + " holds "
              + images.count()
              + " images but "
              + labels.file()
              + " holds "
              + labels.count()
              + " labels");
    }
    byte[] raw = labels.bytes();
    int[] ints = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      int label = raw[i] & 0xFF;
      if (label >= classNames.size()) {
        throw new DataFileException(
            labels.file(),
            "label "
                + label
                + " of item "
                + i
                + " is outside the "
                + classNames.size()
                + " classes 0.."
                + (classNames.size() - 1));
      }
      ints[i] = label;
    }
    return LabeledImages.wrap(
        images.pixels(), ints, 1, images.rows(), images.cols(), List.copyOf(classNames));
  }

  @FunctionalInterface
  private interface Result<T> {
    T make(int[] dims, byte[] data, String sha256);
  }

  private static <T> T read(Path file, int expectedMagic, boolean hash, Result<T> result) {
    try (InputStream plain = Files.newInputStream(file);
        PushbackInputStream peek = new PushbackInputStream(plain, 2)) {
      byte[] start = peek.readNBytes(2);
      peek.unread(start);
      boolean gzip = isGzip(start);
      long fileSize = Files.size(file);
      InputStream in = gzip ? new GZIPInputStream(peek, 1 << 16) : peek;
      MessageDigest sha = Sha256.newDigest();
      int[] dims = readHeader(file, in, expectedMagic, sha);
      long dataBytes = 1;
      for (int d : dims) {
        dataBytes *= d;
      }
      long headerBytes = 4L + 4L * dims.length;
      if (!gzip && fileSize != headerBytes + dataBytes) {
        throw new DataFileException(file, sizeProblem(dims, dataBytes, fileSize - headerBytes));
      }
      if (gzip && dataBytes > fileSize * MAX_DEFLATE_RATIO) {
        throw new DataFileException(
            file,
            "header declares "
                + describe(dims)
                + " ("
                + dataBytes
                + " bytes), more than a "
                + fileSize
                + "-byte gzip file can hold: the header is corrupt");
      }
      byte[] data = new byte[(int) dataBytes];
      int n = readFully(in, data);
      if (n < data.length) {
        throw new DataFileException(file, sizeProblem(dims, dataBytes, n));
      }
      if (in.read() != -1) {
        throw new DataFileException(
            file,
            "holds more bytes than its header declares ("
                + describe(dims)
                + "): the header does not match the content");
      }
      if (!hash) {
        return result.make(dims, data, null);
      }
      // one call over the whole array: far faster than many small updates in a cold JVM
      sha.update(data);
      return result.make(dims, data, Sha256.hex(sha));
    } catch (DataFileException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new DataFileException(file, "file not found", e);
    } catch (ZipException e) {
      throw new DataFileException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
    } catch (EOFException e) {
      throw new DataFileException(file, "gzip data ends too early: the file is truncated", e);
    } catch (IOException e) {
      throw new DataFileException(file, "cannot be read (" + e + ")", e);
    }
  }

  /** Reads in 1 MiB steps: one huge read would make NIO allocate a direct buffer as large. */
  private static int readFully(InputStream in, byte[] data) throws IOException {
    int off = 0;
    while (off < data.length) {
      int n = in.read(data, off, Math.min(1 << 20, data.length - off));
      if (n < 0) {
        break;
      }
      off += n;
    }
    return off;
  }

  private static int[] readHeader(Path file, InputStream in, int expectedMagic, MessageDigest sha)
      throws IOException {
    byte[] m = in.readNBytes(4);
    if (m.length < 4) {
      throw new DataFileException(
          file, "too short to be an IDX file (" + m.length + " bytes before the end)");
    }
    int magic =
        ((m[0] & 0xFF) << 24) | ((m[1] & 0xFF) << 16) | ((m[2] & 0xFF) << 8) | (m[3] & 0xFF);
    if (magic != expectedMagic) {
      throw new DataFileException(
          file,
          "expected an IDX "
              + kind(expectedMagic)
              + " file (magic "
              + hex(expectedMagic)
              + ") but found magic "
              + hex(magic)
              + (magic == IMAGES_MAGIC || magic == LABELS_MAGIC
                  ? " (an IDX " + kind(magic) + " file)"
                  : ""));
    }
    int ndims = magic & 0xFF;
    byte[] d = in.readNBytes(4 * ndims);
    if (d.length < 4 * ndims) {
      throw new DataFileException(file, "truncated header: the dimensions are missing");
    }
    sha.update(m);
    sha.update(d);
    int[] dims = new int[ndims];
    long total = 1;
    for (int i = 0; i < ndims; i++) {
      long v =
          ((d[4 * i] & 0xFFL) << 24)
              | ((d[4 * i + 1] & 0xFFL) << 16)
              | ((d[4 * i + 2] & 0xFFL) << 8)
              | (d[4 * i + 3] & 0xFFL);
      if (v == 0 || (i > 0 && v > MAX_SIDE) || v > MAX_BYTES) {
        throw new DataFileException(file, "absurd dimension " + v + " in its header" + dimsHint(i));
      }
      dims[i] = (int) v;
      total *= v;
      if (total > MAX_BYTES) {
        throw new DataFileException(
            file, "header declares more than " + MAX_BYTES + " bytes of data: it is corrupt");
      }
    }
    return dims;
  }

  private static String dimsHint(int i) {
    return i == 0 ? " (item count)" : " (image side; at most " + MAX_SIDE + ")";
  }

  private static String sizeProblem(int[] dims, long expected, long actual) {
    return actual < expected
        ? "truncated: its header declares "
            + describe(dims)
            + " ("
            + expected
            + " bytes of data) but only "
            + Math.max(actual, 0)
            + " bytes follow"
        : "its header declares "
            + describe(dims)
            + " ("
            + expected
            + " bytes of data) but "
            + actual
            + " bytes follow: the header does not match the content";
  }

  private static String describe(int[] dims) {
    return dims.length == 1
        ? dims[0] + " labels"
        : dims[0] + " images of " + dims[1] + "x" + dims[2];
  }

  private static String kind(int magic) {
    return magic == IMAGES_MAGIC ? "images (idx3-ubyte)" : "labels (idx1-ubyte)";
  }

  private static String hex(int magic) {
    return String.format("0x%08X", magic);
  }

  /** The uncompressed content of a raw or gzip file (told apart by the gzip magic bytes). */
  static InputStream openContent(Path file) throws IOException {
    InputStream plain = Files.newInputStream(file);
    try {
      PushbackInputStream peek = new PushbackInputStream(plain, 2);
      byte[] start = peek.readNBytes(2);
      peek.unread(start);
      return isGzip(start) ? new GZIPInputStream(peek, 1 << 16) : peek;
    } catch (IOException e) {
      plain.close();
      throw e;
    }
  }

  private static boolean isGzip(byte[] start) {
    return start.length == 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b;
  }
}
