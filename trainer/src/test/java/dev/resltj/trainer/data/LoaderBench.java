package dev.resltj.trainer.data;

import dev.resltj.trainer.loss.Method;
import dev.resltj.trainer.training.SampledBatches;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The image-folder loader alone, without a network: how long indexing takes and how many batches
 * per second the decoding threads prepare. Run by {@code trainer/bench/loader.sh}; not a test.
 *
 * <p>Arguments: {@code FOLDER IMAGES SOURCE_PX IMAGE_PX THREADS BATCHES}. The folder is filled with
 * {@code IMAGES} JPEGs of {@code SOURCE_PX} square in 100 long-tailed classes when it has no {@code
 * train/} yet.
 */
public final class LoaderBench {
  private LoaderBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int images = Integer.parseInt(args[1]);
    int sourcePx = Integer.parseInt(args[2]);
    int imagePx = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    int batches = Integer.parseInt(args[5]);
    PrintStream out = System.out;
    if (!Files.isDirectory(root.resolve("train"))) {
      long t0 = System.nanoTime();
      write(root, images, sourcePx);
      out.printf(
          Locale.ROOT, "wrote %,d JPEGs in %.1f s%n", images, (System.nanoTime() - t0) / 1e9);
    }
    SourceSettings settings =
        new SourceSettings(
            DatasetKind.FOLDER,
            root,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(3),
            Optional.of(imagePx),
            false,
            threads,
            0);
    long t0 = System.nanoTime();
    try (SourceData data = SourceData.load(settings, out)) {
      double indexing = (System.nanoTime() - t0) / 1e9;
      ImageSet pool = data.pool();
      out.printf(
          Locale.ROOT,
          "indexed %,d training + %,d test images (headers read) in %.2f s (%,.0f files/s)%n",
          pool.size(),
          data.test().size(),
          indexing,
          (pool.size() + data.test().size()) / indexing);
      ClassGroups groups = ClassGroups.fromCounts(pool.classCounts(), new GroupThresholds(20, 100));
      try (SampledBatches b =
          SampledBatches.forMethod(Method.CE, pool, groups, 128, Augmentation.IMAGENET, 1)) {
        float[] pixels = new float[b.imagesPerStep() * b.imageSize()];
        int[] labels = new int[b.imagesPerStep()];
        b.startEpoch(1);
        long first = System.nanoTime();
        b.next(pixels, labels);
        double firstSeconds = (System.nanoTime() - first) / 1e9;
        long start = System.nanoTime();
        for (int i = 1; i < batches; i++) {
          if (i % b.stepsPerEpoch() == 0) {
            b.startEpoch(1 + i / b.stepsPerEpoch());
          }
          b.next(pixels, labels);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        out.printf(
            Locale.ROOT,
            "first batch after %.2f s; then %d batches of 128 (%dx%d, imagenet augmentation) in"
                + " %.1f s: %.2f batches/s, %,.0f images/s on %d decoding thread(s); heap used"
                + " %,d MB of max %,d MB%n",
            firstSeconds,
            batches - 1,
            imagePx,
            imagePx,
            seconds,
            (batches - 1) / seconds,
            (batches - 1) * 128 / seconds,
            threads,
            (rt.totalMemory() - rt.freeMemory()) >> 20,
            rt.maxMemory() >> 20);
      }
    }
  }

  /**
   * 100 classes, class c holding about {@code images * 0.96^c / sum} images; two test images each.
   */
  private static void write(Path root, int images, int px) throws Exception {
    int classes = 100;
    double[] w = new double[classes];
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      w[c] = Math.pow(0.96, c);
      sum += w[c];
    }
    Random rng = new Random(1);
    int written = 0;
    for (int c = 0; c < classes; c++) {
      int n = c == classes - 1 ? images - written : Math.max(1, (int) (images * w[c] / sum));
      Path train =
          Files.createDirectories(root.resolve("train").resolve(String.format("c%03d", c)));
      Path test = Files.createDirectories(root.resolve("test").resolve(String.format("c%03d", c)));
      for (int i = 0; i < n; i++) {
        write(image(c, px, rng), train.resolve("img" + i + ".jpg"));
      }
      written += n;
      for (int i = 0; i < 2; i++) {
        write(image(c, px, rng), test.resolve("img" + i + ".jpg"));
      }
    }
  }

  private static BufferedImage image(int c, int px, Random rng) {
    BufferedImage img = new BufferedImage(px, px, BufferedImage.TYPE_INT_RGB);
    int base = (c * 2654435761L) > 0 ? (int) (c * 2654435761L) : c * 77777;
    for (int y = 0; y < px; y++) {
      for (int x = 0; x < px; x++) {
        img.setRGB(x, y, (base + x * 3 + y * 5 + rng.nextInt(32)) & 0xFFFFFF);
      }
    }
    return img;
  }

  private static void write(BufferedImage img, Path file) throws Exception {
    if (!ImageIO.write(img, "jpg", file.toFile())) {
      throw new IllegalStateException("no JPEG writer");
    }
  }
}
