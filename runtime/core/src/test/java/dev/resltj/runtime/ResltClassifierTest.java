package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.fixtures.OnnxFixtures;
import dev.resltj.runtime.fixtures.TestImages;
import dev.resltj.runtime.postprocess.ClassProbabilities;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResltClassifierTest {
  @TempDir static Path dir;
  static Path quadrants;
  static ResltClassifier classifier;

  @BeforeAll
  static void openQuadrantModel() {
    quadrants = OnnxFixtures.write(dir, "quadrants.onnx", OnnxFixtures.quadrantsWithMetadata());
    classifier =
        ResltClassifier.open(quadrants, ClassifierOptions.builder().includeLogits(true).build());
  }

  @AfterAll
  static void closeModel() {
    classifier.close();
  }

  @Test
  void classifiesTensorByItsBrightestQuadrant() {
    for (int q = 0; q < 4; q++) {
      Prediction p = classifier.classify(TestImages.blobPixels(q));
      assertThat(p.best().index()).isEqualTo(q);
      assertThat(p.label()).isEqualTo(OnnxFixtures.QUADRANT_LABELS[q]);
    }
  }

  @Test
  void logitsAreTheKnownLinearFunctionOfQuadrantSums() {
    float[] pixels = new float[OnnxFixtures.PIXELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i * 37) % 256;
    }
    double[] expected = OnnxFixtures.quadrantLogits(pixels);
    Logits logits = classifier.classify(pixels).logits().orElseThrow();
    assertThat(logits.size()).isEqualTo(4);
    for (int k = 0; k < 4; k++) {
      assertThat((double) logits.get(k)).isCloseTo(expected[k], within(1e-4));
    }
  }

  @Test
  void probabilitiesAreSoftmaxOfLogitsAndSortedDescending() {
    Prediction p = classifier.classify(TestImages.blobPixels(2));
    assertThat(p.topK()).hasSize(4);
    float[] logits = p.logits().orElseThrow().toArray();
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l);
    }
    for (ClassScore s : p.topK()) {
      assertThat((double) s.probability())
          .isCloseTo(Math.exp(logits[s.index()]) / sum, within(1e-6));
    }
    for (int i = 1; i < p.topK().size(); i++) {
      assertThat(p.topK().get(i).probability())
          .isLessThanOrEqualTo(p.topK().get(i - 1).probability());
    }
  }

  @Test
  void predictionsCarryTheClassGroupFromTheCard() {
    Prediction p = classifier.classify(TestImages.blobPixels(3));
    assertThat(p.best().group()).contains(ClassGroup.TAIL);
    Prediction head = classifier.classify(TestImages.blobPixels(0));
    assertThat(head.best().group()).contains(ClassGroup.HEAD);
  }

  @Test
  void batchAndSingleCallsAgreeExactly() {
    int n = 12;
    float[] batch = new float[n * OnnxFixtures.PIXELS];
    List<Prediction> singles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] image = TestImages.blobPixels(i % 4);
      image[i] = 200; // make every image different
      System.arraycopy(image, 0, batch, i * OnnxFixtures.PIXELS, OnnxFixtures.PIXELS);
      singles.add(classifier.classify(image));
    }
    assertThat(classifier.classifyAll(batch, n)).isEqualTo(singles);
  }

  @Test
  void batchAndSingleCallsAgreeExactlyOnACnn() {
    try (ResltClassifier cnn =
        ResltClassifier.open(
            OnnxFixtures.mnistSizedCnn(3),
            ClassifierOptions.builder().includeLogits(true).build())) {
      java.util.Random random = new java.util.Random(1);
      for (int n : new int[] {2, 7, 32}) {
        float[] batch = new float[n * 784];
        for (int i = 0; i < batch.length; i++) {
          batch[i] = random.nextInt(5) == 0 ? random.nextInt(256) : 0;
        }
        List<Prediction> singles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          singles.add(cnn.classify(java.util.Arrays.copyOfRange(batch, i * 784, (i + 1) * 784)));
        }
        assertThat(cnn.classifyAll(batch, n)).isEqualTo(singles);
      }
    }
  }

  @Test
  void modelWithFixedBatchSizeRunsOtherBatchSizesInChunks() {
    try (ResltClassifier fixed =
        ResltClassifier.open(
            OnnxFixtures.quadrantsFixedBatch(2),
            ClassifierOptions.builder().warmUpBatchSizes(List.of(1, 3)).build())) {
      assertThat(fixed.input().shape()).containsExactly(2L, 1L, 28L, 28L);
      int n = 5;
      float[] batch = new float[n * OnnxFixtures.PIXELS];
      List<Prediction> singles = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        float[] image = TestImages.blobPixels(i % 4);
        System.arraycopy(image, 0, batch, i * OnnxFixtures.PIXELS, OnnxFixtures.PIXELS);
        singles.add(fixed.classify(image));
        assertThat(singles.get(i).best().index()).isEqualTo(i % 4);
      }
      assertThat(fixed.classifyAll(batch, n)).isEqualTo(singles);
      OutputTensor scores = fixed.run(batch, n, List.of("scores")).get("scores");
      assertThat(scores.shape()).containsExactly(5L, 4L);
      assertThat(scores.size()).isEqualTo(20);
    }
  }

  @Test
  void topKIsCappedAndConfigurable() {
    try (ResltClassifier two =
        ResltClassifier.open(quadrants, ClassifierOptions.builder().topK(2).build())) {
      Prediction p = two.classify(TestImages.blobPixels(1));
      assertThat(p.topK()).extracting(ClassScore::index).first().isEqualTo(1);
      assertThat(p.topK()).hasSize(2);
      assertThat(p.logits()).isEmpty();
    }
    try (ResltClassifier many =
        ResltClassifier.open(quadrants, ClassifierOptions.builder().topK(50).build())) {
      assertThat(many.classify(TestImages.blobPixels(1)).topK()).hasSize(4);
    }
  }

  @Test
  void exposesSignatureForServers() {
    assertThat(classifier.input()).isEqualTo(new TensorSpec("image", List.of(-1L, 1L, 28L, 28L)));
    assertThat(classifier.outputs())
        .extracting(TensorSpec::name)
        .containsExactlyInAnyOrder(
            "logits_hmt", "logits_mt", "logits_t", "logits", "probabilities");
    assertThat(classifier.outputs())
        .allSatisfy(o -> assertThat(o.shape()).containsExactly(-1L, 4L));
    assertThat(classifier.imageSize()).isEqualTo(784);
    assertThat(classifier.scoresOutput()).isEqualTo(OnnxContract.OUTPUT_PROBABILITIES);
    assertThat(classifier.scoresToProbabilities()).isEqualTo(ClassProbabilities.GIVEN);
  }

  @Test
  void rawRunReturnsRequestedOutputsByName() {
    float[] batch = new float[2 * OnnxFixtures.PIXELS];
    System.arraycopy(TestImages.blobPixels(0), 0, batch, 0, OnnxFixtures.PIXELS);
    System.arraycopy(TestImages.blobPixels(3), 0, batch, OnnxFixtures.PIXELS, OnnxFixtures.PIXELS);
    Map<String, OutputTensor> out =
        classifier.run(batch, 2, List.of("logits_t", "logits", "logits_hmt", "logits_mt"));
    assertThat(out.keySet()).containsExactly("logits_t", "logits", "logits_hmt", "logits_mt");
    OutputTensor logits = out.get("logits");
    assertThat(logits.shape()).containsExactly(2L, 4L);
    for (int i = 0; i < 8; i++) {
      float branchSum =
          out.get("logits_hmt").get(i) + out.get("logits_mt").get(i) + out.get("logits_t").get(i);
      assertThat(logits.get(i)).isCloseTo(branchSum, within(1e-5f));
    }
    assertThat(classifier.run(batch, 2, List.of())).hasSize(5);
  }

  @Test
  void rawRunRejectsUnknownOutput() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> classifier.run(TestImages.blobPixels(0), 1, List.of("embedding")));
    assertThat(e).hasMessageContaining("unknown output 'embedding'");
  }

  @Test
  void readsTheModelCard() {
    ModelCard card = classifier.modelCard();
    assertThat(card.labels()).containsExactly(OnnxFixtures.QUADRANT_LABELS);
    assertThat(card.classCounts()).containsExactly(5000, 800, 90, 30);
    assertThat(card.groups().orElseThrow())
        .isEqualTo(new ModelCard.Groups(100, 1000, List.of(0), List.of(1), List.of(2, 3)));
    assertThat(card.input())
        .isEqualTo(new ModelCard.Input(1, 28, 28, 0f, 255f, Polarity.LIGHT_ON_DARK));
    assertThat(card.method()).contains("reslt");
    assertThat(card.alpha().orElseThrow()).isEqualTo(0.9);
    assertThat(card.branchStyle()).contains("paper");
    ModelCard.Metrics m = card.metrics().orElseThrow();
    assertThat(m.dataset()).isEqualTo("quadrants-test");
    assertThat(m.images()).isEqualTo(400);
    assertThat(m.top1().orElseThrow()).isEqualTo(0.99);
    assertThat(m.tail().orElseThrow()).isEqualTo(0.97);
    assertThat(card.producer().name()).isEqualTo("reslt-fixture");
    assertThat(card.producer().modelVersion()).isEqualTo(3);
    assertThat(card.producer().version()).isEqualTo("test");
    assertThat(card.producer().description()).isEqualTo("fixture model built in a test");
    assertThat(card.runConfig().get("epochs")).isPresent();
    assertThat(card.split().members()).containsKeys("profile", "seed");
    assertThat(card.provenance().get("created")).isPresent();
    assertThat(card.metadata()).containsKey(OnnxContract.KEY_LABELS);
    assertThat(card.hasResltMetadata()).isTrue();
  }

  @Test
  void plainOnnxClassifierLoadsWithGenericLabels() {
    Path plain = OnnxFixtures.write(dir, "plain.onnx", OnnxFixtures.quadrantsPlain());
    try (ResltClassifier c = ResltClassifier.open(plain)) {
      ModelCard card = c.modelCard();
      assertThat(card.labels()).containsExactly("class_0", "class_1", "class_2", "class_3");
      assertThat(card.hasResltMetadata()).isFalse();
      assertThat(card.groups()).isEmpty();
      assertThat(card.input().polarity()).isEqualTo(Polarity.ANY);
      assertThat(c.scoresOutput()).isEqualTo(c.outputs().get(0).name());
      assertThat(c.scoresToProbabilities()).isEqualTo(ClassProbabilities.FROM_UNNAMED_SCORES);
      Prediction p = c.classify(TestImages.blobPixels(2));
      assertThat(p.best().index()).isEqualTo(2);
      assertThat(p.best().group()).isEmpty();
      assertThat(p.topK().stream().mapToDouble(ClassScore::probability).sum())
          .isCloseTo(1.0, within(1e-5));
      // same logits as the ResLT model: softmax is applied by the runtime
      assertThat(p.probability())
          .isCloseTo(classifier.classify(TestImages.blobPixels(2)).probability(), within(1e-5f));
    }
  }

  @Test
  void opensFromBytesStreamAndClassPath() throws Exception {
    byte[] bytes = OnnxFixtures.quadrantsWithMetadata();
    float[] image = TestImages.blobPixels(1);
    Prediction expected = classifier.classify(image);
    try (ResltClassifier c =
        ResltClassifier.open(bytes, ClassifierOptions.builder().includeLogits(true).build())) {
      assertThat(c.classify(image)).isEqualTo(expected);
    }
    try (ResltClassifier c =
        ResltClassifier.open(
            new ByteArrayInputStream(bytes),
            ClassifierOptions.builder().includeLogits(true).build())) {
      assertThat(c.classify(image)).isEqualTo(expected);
    }
    Path resources = dir.resolve("cp");
    java.nio.file.Files.createDirectories(resources.resolve("models"));
    OnnxFixtures.write(resources.resolve("models"), "q.onnx", bytes);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
      Thread.currentThread().setContextClassLoader(loader);
      try (ResltClassifier c =
          ResltClassifier.openResource(
              "/models/q.onnx", ClassifierOptions.builder().includeLogits(true).build())) {
        assertThat(c.classify(image)).isEqualTo(expected);
      }
      assertThrows(
          ModelLoadException.class, () -> ResltClassifier.openResource("models/none.onnx"));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void cudaRequestFallsBackToCpu() {
    try (ResltClassifier c =
        ResltClassifier.open(quadrants, ClassifierOptions.builder().cuda(true).build())) {
      assertThat(c.classify(TestImages.blobPixels(3)).best().index()).isEqualTo(3);
    }
  }

  @Test
  void everyGraphOptimisationLevelGivesTheSameAnswer() {
    float[] image = TestImages.blobPixels(2);
    for (GraphOptimization level : GraphOptimization.values()) {
      try (ResltClassifier c =
          ResltClassifier.open(
              quadrants,
              ClassifierOptions.builder().graphOptimization(level).warmUp(false).build())) {
        assertThat(c.classify(image).best().index()).isEqualTo(2);
      }
    }
  }

  @Test
  void closeIsIdempotentAndLaterCallsFailClearly() {
    ResltClassifier c = ResltClassifier.open(quadrants);
    c.close();
    c.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> c.classify(TestImages.blobPixels(0)));
    assertThat(e).hasMessageContaining("closed");
  }
}
