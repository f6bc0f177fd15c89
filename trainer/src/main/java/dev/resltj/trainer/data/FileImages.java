package dev.resltj.trainer.data;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled images decoded from their files on every read: what a data set too large to hold decoded
 * in memory trains from (ImageNet-LT's 115,846 photos at 224x224 would be 17 GB). Only the paths
 * and labels are held. A file that no longer decodes is an error naming it, or with {@code
 * --skip-bad-images} a black image counted in {@link BadImages}.
 */
public final class FileImages implements ImageSet {
  private final List<ImageEntry> entries;
  private final List<String> classNames;
  private final ImageDecoder decoder;
  private final DecodeWorkers workers;
  private final BadImages bad;

  public FileImages(
      List<ImageEntry> entries,
      List<String> classNames,
      ImageDecoder decoder,
      DecodeWorkers workers,
      BadImages bad) {
    this.entries = List.copyOf(entries);
    this.classNames = List.copyOf(classNames);
    this.decoder = decoder;
    this.workers = workers;
    this.bad = bad;
    for (ImageEntry e : this.entries) {
      if (e.label() >= classNames.size()) {
        throw new IllegalArgumentException(
            e.describe()
                + ": label "
                + e.label()
                + " outside the "
                + classNames.size()
                + " classes");
      }
    }
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public int channels() {
    return decoder.channels();
  }

  @Override
  public int height() {
    return decoder.height();
  }

  @Override
  public int width() {
    return decoder.width();
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public int label(int index) {
    return entries.get(index).label();
  }

  public ImageEntry entry(int index) {
    return entries.get(index);
  }

  @Override
  public boolean streamed() {
    return true;
  }

  @Override
  public void copyImage(int index, float[] dst, int offset) {
    byte[] pixels = decode(index);
    if (pixels == null) {
      Arrays.fill(dst, offset, offset + imageSize(), 0f);
      return;
    }
    for (int i = 0; i < pixels.length; i++) {
      dst[offset + i] = pixels[i] & 0xFF;
    }
  }

  /** Decodes image {@code index}; {@code null} when it is bad and bad images are skipped. */
  byte[] decode(int index) {
    ImageEntry e = entries.get(index);
    try {
      return decoder.decode(e.file());
    } catch (DataFileException problem) {
      bad.report(
          e.origin().isEmpty()
              ? problem
              : new DataFileException(e.origin() + ": " + problem.getMessage(), problem));
      return null;
    }
  }

  /** Decodes images {@code start..start+count-1} on the decoding threads. */
  @Override
  public void copyRange(int start, int count, float[] dst) {
    int size = imageSize();
    workers.forEach(count, i -> copyImage(start + i, dst, i * size));
  }

  @Override
  public FileImages select(int[] indices) {
    ImageEntry[] out = new ImageEntry[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = entries.get(indices[i]);
    }
    return new FileImages(List.of(out), classNames, decoder, workers, bad);
  }

  /** The decoding threads this set reads with. */
  public DecodeWorkers workers() {
    return workers;
  }

  /**
   * Every image decoded into memory, for a set small enough to cache; bad images are left out when
   * skipping (so cache before drawing a split).
   */
  public LabeledImages decodeAll(Progress progress) {
    int n = size();
    int size = imageSize();
    byte[] pixels = new byte[Math.multiplyExact(n, size)];
    boolean[] ok = new boolean[n];
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    workers.forEach(
        n,
        i -> {
          byte[] p = decode(i);
          if (p != null) {
            System.arraycopy(p, 0, pixels, i * size, size);
            ok[i] = true;
          }
          progress.update(done.incrementAndGet(), n);
        });
    int kept = 0;
    for (boolean b : ok) {
      kept += b ? 1 : 0;
    }
    int[] labels = new int[kept];
    byte[] compact = kept == n ? pixels : new byte[kept * size];
    for (int i = 0, k = 0; i < n; i++) {
      if (ok[i]) {
        if (compact != pixels) {
          System.arraycopy(pixels, i * size, compact, k * size, size);
        }
        labels[k++] = label(i);
      }
    }
    return LabeledImages.wrap(compact, labels, channels(), height(), width(), classNames);
  }
}
