package dev.resltj.runtime.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.Polarity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCardReaderTest {
  static final ModelCard.Producer PRODUCER =
      new ModelCard.Producer("reslt-train", "", "a model", 1, "", "g");
  static final ModelCardReader.GraphFacts MNIST = new ModelCardReader.GraphFacts(1, 28, 28, 3);

  static Map<String, String> full() {
    Map<String, String> m = new HashMap<>();
    m.put(OnnxContract.KEY_LABELS, "[\"zero\", \"one\", \"two\"]");
    m.put(OnnxContract.KEY_CLASS_COUNTS, "[5000, 300, 20]");
    m.put(
        OnnxContract.KEY_CLASS_GROUPS,
        "{\"tail_max\": 100, \"medium_max\": 1000, \"head\": [0], \"medium\": [1], \"tail\": [2]}");
    m.put(
        OnnxContract.KEY_INPUT,
        "{\"channels\": 1, \"height\": 28, \"width\": 28, \"value_min\": 0, \"value_max\": 1,"
            + " \"polarity\": \"dark_on_light\"}");
    m.put(OnnxContract.KEY_METHOD, "ce");
    m.put(OnnxContract.KEY_BRANCH_STYLE, "single");
    m.put(
        OnnxContract.KEY_METRICS,
        "{\"dataset\": \"mnist-test\", \"images\": 10000, \"top1\": 0.9}");
    return m;
  }

  @Test
  void readsEveryField() {
    ModelCard card = ModelCardReader.read(full(), PRODUCER, MNIST);
    assertThat(card.labels()).containsExactly("zero", "one", "two");
    assertThat(card.classCounts()).containsExactly(5000, 300, 20);
    assertThat(card.groupOf(1)).contains(ClassGroup.MEDIUM);
    assertThat(card.input())
        .isEqualTo(new ModelCard.Input(1, 28, 28, 0f, 1f, Polarity.DARK_ON_LIGHT));
    assertThat(card.method()).contains("ce");
    assertThat(card.alpha()).isEmpty();
    assertThat(card.metrics().orElseThrow().top1().orElseThrow()).isEqualTo(0.9);
    assertThat(card.metrics().orElseThrow().balanced()).isEmpty();
    assertThat(card.runConfig()).isEqualTo(JsonValue.JsonObject.EMPTY);
    assertThat(card.producer()).isEqualTo(PRODUCER);
  }

  @Test
  void plainModelGetsGenericLabelsAndNoPolarity() {
    ModelCard card = ModelCardReader.read(Map.of(), PRODUCER, MNIST);
    assertThat(card.labels()).containsExactly("class_0", "class_1", "class_2");
    assertThat(card.input()).isEqualTo(new ModelCard.Input(1, 28, 28, 0f, 255f, Polarity.ANY));
    assertThat(card.groups()).isEmpty();
    assertThat(card.hasResltMetadata()).isFalse();
  }

  @Test
  void variableClassCountNeedsLabels() {
    var symbolic = new ModelCardReader.GraphFacts(1, 28, 28, -1);
    assertThrows(
        ModelLoadException.class, () -> ModelCardReader.read(Map.of(), PRODUCER, symbolic));
    assertThat(ModelCardReader.read(full(), PRODUCER, symbolic).classCount()).isEqualTo(3);
  }

  @Test
  void rejectsCountsOfTheWrongLength() {
    Map<String, String> m = full();
    m.put(OnnxContract.KEY_CLASS_COUNTS, "[1, 2]");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
    assertThat(e)
        .hasMessageContaining(OnnxContract.KEY_CLASS_COUNTS)
        .hasMessageContaining("2 counts");
  }

  @Test
  void rejectsGroupNamingAMissingClass() {
    Map<String, String> m = full();
    m.put(
        OnnxContract.KEY_CLASS_GROUPS,
        "{\"tail_max\": 100, \"medium_max\": 1000, \"head\": [0], \"tail\": [7]}");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
    assertThat(e).hasMessageContaining("reslt.class_groups.tail names class 7");
  }

  @Test
  void rejectsClassInTwoGroups() {
    Map<String, String> m = full();
    m.put(
        OnnxContract.KEY_CLASS_GROUPS,
        "{\"tail_max\": 100, \"medium_max\": 1000, \"head\": [0, 1], \"tail\": [1]}");
    assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
  }

  @Test
  void rejectsWrongJsonTypesNamingTheField() {
    Map<String, String> m = full();
    m.put(OnnxContract.KEY_INPUT, "{\"channels\": \"one\", \"height\": 28, \"width\": 28}");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
    assertThat(e).hasMessageContaining("\"channels\" must be a non-negative integer, found string");

    Map<String, String> labels = full();
    labels.put(OnnxContract.KEY_LABELS, "[\"a\", 1, \"c\"]");
    e = assertThrows(ModelLoadException.class, () -> ModelCardReader.read(labels, PRODUCER, MNIST));
    assertThat(e).hasMessageContaining("only strings, found number");
  }

  @Test
  void rejectsMissingRequiredField() {
    Map<String, String> m = full();
    m.put(OnnxContract.KEY_INPUT, "{\"channels\": 1, \"height\": 28}");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
    assertThat(e).hasMessageContaining("lacks the field \"width\"");
  }

  @Test
  void rejectsAlphaThatIsNotANumber() {
    Map<String, String> m = full();
    m.put(OnnxContract.KEY_ALPHA, "high");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
    assertThat(e).hasMessageContaining("reslt.alpha must be a number, found 'high'");
  }

  @Test
  void rejectsMetricOutsideZeroToOne() {
    Map<String, String> m = full();
    m.put(OnnxContract.KEY_METRICS, "{\"top1\": 98.5}");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
    assertThat(e).hasMessageContaining("fractions in [0, 1]");
  }

  @Test
  void rejectsStructuredKeyThatIsNotAnObject() {
    Map<String, String> m = full();
    m.put(OnnxContract.KEY_PROVENANCE, "[1, 2]");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelCardReader.read(m, PRODUCER, MNIST));
    assertThat(e).hasMessageContaining("reslt.provenance must be a JSON object, found array");
  }

  @Test
  void keepsUnknownKeysInTheRawMap() {
    Map<String, String> m = full();
    m.put("team.note", "hello");
    assertThat(ModelCardReader.read(m, PRODUCER, MNIST).metadata())
        .containsEntry("team.note", "hello");
    assertThat(ModelCardReader.read(m, PRODUCER, MNIST).labels()).hasSize(3);
  }
}
