package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.runtime.fixtures.MnistData;
import dev.resltj.runtime.fixtures.MnistDigits;
import dev.resltj.runtime.fixtures.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed default model, {@code models/reslt-mnist-lt.onnx}, through the runtime. Skipped
 * until the model is committed (the system property {@code reslt.default.model} points at it).
 */
class DefaultModelIT {
  static ResltClassifier classifier;

  static Path model() {
    return Path.of(System.getProperty("reslt.default.model", "../../models/reslt-mnist-lt.onnx"));
  }

  @BeforeAll
  static void open() {
    if (Files.exists(model())) {
      classifier = ResltClassifier.open(model());
    }
  }

  @BeforeEach
  void requireModel() {
    // per test, so reports list every test as skipped rather than none as run
    assumeTrue(classifier != null, "default model not committed yet: " + model().toAbsolutePath());
  }

  @AfterAll
  static void close() {
    if (classifier != null) {
      classifier.close();
    }
  }

  static List<MnistDigits.Digit> digits() {
    return MnistDigits.all();
  }

  /**
   * Twenty digits cannot measure a 98% model (that is {@link
   * #scoresItsRecordedTop1OnTheMnistTestSet}'s job) and a model of that accuracy may miss one of
   * them; a broken pipeline gets most of them wrong, and that is what this catches.
   */
  @Test
  void classifiesNearlyAllCommittedMnistTestDigits() {
    List<String> wrong = new ArrayList<>();
    for (MnistDigits.Digit digit : MnistDigits.all()) {
      String label = classifier.classify(digit.png()).label();
      if (!label.equals(String.valueOf(digit.label()))) {
        wrong.add("a " + digit.label() + " read as " + label);
      }
    }
    assertThat(wrong).hasSizeLessThanOrEqualTo(MnistDigits.all().size() / 10);
  }

  /**
   * Re-encoding or inverting an image must not change the answer: the runtime's job, not the
   * model's.
   */
  @ParameterizedTest
  @MethodSource("digits")
  void digitRoundTripsThroughPngJpegAndInvertedPng(MnistDigits.Digit digit) {
    BufferedImage image = TestImages.decode(digit.png());
    String expected = classifier.classify(digit.png()).label();
    assertThat(classifier.classify(TestImages.encode(image, "png")).label()).isEqualTo(expected);
    assertThat(classifier.classify(TestImages.encodeJpeg(TestImages.toRgb(image), 0.9f)).label())
        .isEqualTo(expected);
    assertThat(classifier.classify(TestImages.encode(TestImages.inverted(image), "png")).label())
        .isEqualTo(expected);
  }

  @Test
  void batchAndSingleCallsAgreeExactly() {
    List<byte[]> pngs = MnistDigits.all().stream().map(MnistDigits.Digit::png).toList();
    List<Prediction> singles = new ArrayList<>();
    for (byte[] png : pngs) {
      singles.add(classifier.classify(png));
    }
    assertThat(classifier.classifyAllEncoded(pngs)).isEqualTo(singles);
  }

  @Test
  void carriesTheResltModelCard() {
    ModelCard card = classifier.modelCard();
    assertThat(card.hasResltMetadata()).isTrue();
    assertThat(card.labels())
        .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(String::valueOf).toList());
    assertThat(card.input())
        .isEqualTo(new ModelCard.Input(1, 28, 28, 0f, 255f, Polarity.LIGHT_ON_DARK));
    assertThat(card.classCounts()).hasSize(10);
    ModelCard.Groups groups = card.groups().orElseThrow();
    assertThat(groups.head().size() + groups.medium().size() + groups.tail().size()).isEqualTo(10);
    assertThat(groups.tail()).isNotEmpty();
    assertThat(card.method()).isPresent();
    assertThat(card.branchStyle()).isPresent();
    assertThat(card.metrics().orElseThrow().top1().orElseThrow()).isBetween(0.5, 1.0);
    assertThat(card.producer().name()).isNotBlank();
    assertThat(card.provenance().members()).isNotEmpty();
    assertThat(classifier.outputs())
        .extracting(TensorSpec::name)
        .contains(OnnxContract.OUTPUT_LOGITS, OnnxContract.OUTPUT_PROBABILITIES);
  }

  @Test
  void scoresItsRecordedTop1OnTheMnistTestSet() {
    Path dir = MnistData.directory().orElse(null);
    assumeTrue(dir != null, "MNIST not found (system property reslt.mnist.dir)");
    MnistData test = MnistData.load(dir, "t10k");
    int correct = 0;
    int batch = 500;
    for (int from = 0; from < test.size(); from += batch) {
      List<Prediction> predictions = classifier.classifyAll(test.batch(from, batch), batch);
      for (int i = 0; i < batch; i++) {
        if (predictions.get(i).label().equals(String.valueOf(test.label(from + i)))) {
          correct++;
        }
      }
    }
    double recorded = classifier.modelCard().metrics().orElseThrow().top1().orElseThrow();
    assertThat(correct / (double) test.size()).isCloseTo(recorded, within(0.001));
  }
}
