package example;

import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import java.nio.file.Path;

/** Usage: ClassifyDigit MODEL.onnx IMAGE.png */
public class ClassifyDigit {
  public static void main(String[] args) {
    try (ResltClassifier classifier = ResltClassifier.open(Path.of(args[0]))) {
      Prediction prediction = classifier.classify(Path.of(args[1]));
      System.out.printf("%s (%.1f%%)%n", prediction.label(), 100 * prediction.probability());
    }
  }
}
