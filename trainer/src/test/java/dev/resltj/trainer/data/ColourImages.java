package dev.resltj.trainer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Small colour data sets written by the tests themselves: class {@code c} is an image of mostly
 * {@link #COLOURS}[c] with some noise, alternately PNG and JPEG, laid out as an image folder and
 * described by list files over the same images.
 */
public final class ColourImages {
  /** Class names in sorted order, as an image folder's classes come out. */
  public static final List<String> CLASSES = List.of("blue", "green", "red");

  /** RGB of each class. */
  private static final int[][] COLOURS = {{30, 40, 220}, {40, 200, 50}, {210, 40, 30}};

  private ColourImages() {}

  /** An image of class {@code c}, {@code size} pixels square. */
  public static BufferedImage image(int c, int size, Random rng) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int r = clamp(COLOURS[c][0] + rng.nextInt(41) - 20);
        int g = clamp(COLOURS[c][1] + rng.nextInt(41) - 20);
        int b = clamp(COLOURS[c][2] + rng.nextInt(41) - 20);
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /**
   * Writes {@code root/part/<class>/img-N.png|jpg}, {@code counts[c]} images of class c.
   *
   * @return the files written, with their labels
   */
  public static List<ImageEntry> writeFolder(
      Path root, String part, int[] counts, int size, long seed) throws IOException {
    Random rng = new Random(seed);
    List<ImageEntry> written = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      Path dir = Files.createDirectories(root.resolve(part).resolve(CLASSES.get(c)));
      for (int i = 0; i < counts[c]; i++) {
        boolean png = i % 2 == 0;
        Path file = dir.resolve(String.format("img-%03d.%s", i, png ? "png" : "jpg"));
        if (!ImageIO.write(image(c, size, rng), png ? "png" : "jpg", file.toFile())) {
          throw new IOException("no ImageIO writer for " + file);
        }
        written.add(new ImageEntry(file, c, ""));
      }
    }
    return written;
  }

  /** Writes a list file of {@code entries}, paths relative to {@code root}. */
  public static Path writeList(Path root, String name, List<ImageEntry> entries)
      throws IOException {
    StringBuilder s = new StringBuilder("# path label\n");
    for (ImageEntry e : entries) {
      s.append(root.relativize(e.file()).toString().replace('\\', '/'))
          .append(' ')
          .append(e.label())
          .append('\n');
    }
    return Files.writeString(root.resolve(name), s.toString(), StandardCharsets.UTF_8);
  }
}
