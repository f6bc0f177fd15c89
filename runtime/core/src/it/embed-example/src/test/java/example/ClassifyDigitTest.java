package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.runtime.fixtures.MnistDigits;
import dev.resltj.runtime.fixtures.OnnxFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyDigitTest {
  @TempDir Path dir;

  @Test
  void printsTheDigitOfAnMnistSeven() throws Exception {
    Path seven = Path.of(ClassifyDigitTest.class.getResource("/seven.png").toURI());
    String output = run(model().toString(), seven.toString());
    assertTrue(output.matches("7 \\(\\d+\\.\\d%\\)\\R"), "unexpected output: " + output);
  }

  /** The default model when it is committed; else a template model from 20 MNIST test digits. */
  private Path model() throws Exception {
    Path committed = Path.of(System.getProperty("reslt.default.model", "none"));
    if (Files.isRegularFile(committed)) {
      return committed;
    }
    float[][] sums = new float[10][784];
    int[] counts = new int[10];
    for (MnistDigits.Digit d : MnistDigits.all()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(d.png()));
      float[] pixels = image.getRaster().getPixels(0, 0, 28, 28, (float[]) null);
      for (int p = 0; p < 784; p++) {
        sums[d.label()][p] += pixels[p];
      }
      counts[d.label()]++;
    }
    for (int k = 0; k < 10; k++) {
      for (int p = 0; p < 784; p++) {
        sums[k][p] /= counts[k];
      }
    }
    return OnnxFixtures.write(dir, "templates.onnx", OnnxFixtures.nearestCentroid(sums));
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ClassifyDigit.main(args);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
