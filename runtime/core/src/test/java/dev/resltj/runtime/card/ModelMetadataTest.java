package dev.resltj.runtime.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.ImageKind;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.Polarity;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.card.JsonValue.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The contract records write what they read: the trainer's side and the runtime's agree. */
class ModelMetadataTest {
  static final ModelCard.Input RGB_PHOTO =
      new ModelCard.Input(
          3,
          64,
          48,
          0f,
          255f,
          Polarity.ANY,
          ImageKind.PHOTO,
          List.of(0.485f, 0.456f, 0.406f),
          List.of(0.229f, 0.224f, 0.225f));
  static final ModelCard.Groups GROUPS =
      new ModelCard.Groups(20, 100, List.of(0), List.of(2), List.of(1));
  static final ModelCard.Metrics METRICS =
      new ModelCard.Metrics(
          "shop-test",
          300,
          OptionalDouble.of(0.875),
          OptionalDouble.of(0.8125),
          OptionalDouble.of(0.9),
          OptionalDouble.empty(),
          OptionalDouble.of(0.5));

  @Test
  void inputRoundTripsThroughItsJsonWithKindAndNormalisation() {
    String json = RGB_PHOTO.toJson();

    assertThat(json)
        .isEqualTo(
            "{\"channels\":3,\"height\":64,\"width\":48,\"value_min\":0,\"value_max\":255,"
                + "\"polarity\":\"any\",\"image_kind\":\"photo\","
                + "\"mean\":[0.485,0.456,0.406],\"std\":[0.229,0.224,0.225]}");
    assertThat(ModelCard.Input.parse(json)).isEqualTo(RGB_PHOTO);
  }

  @Test
  void groupsAndMetricsRoundTripThroughTheirJson() {
    assertThat(ModelCard.Groups.parse(GROUPS.toJson(), 3)).isEqualTo(GROUPS);
    assertThat(ModelCard.Metrics.parse(METRICS.toJson())).isEqualTo(METRICS);
    assertThat(METRICS.toJson()).doesNotContain("medium");
  }

  @Test
  void everythingWrittenIsReadBackAsTheSameCard() {
    JsonObject run = ModelMetadata.jsonObject("run", "{\"name\":\"a \\\"b\\\"\",\"epochs\":3}");
    ModelMetadata written =
        new ModelMetadata(
            List.of("shoe", "bag, red", "coat \u00e9"),
            List.of(500, 12, 60),
            GROUPS,
            RGB_PHOTO,
            "shop-photos",
            "reslt",
            OptionalDouble.of(0.9),
            "paper",
            Optional.of(METRICS),
            Optional.of(run),
            Optional.empty(),
            JsonObject.EMPTY);
    Map<String, String> props = written.toProperties();

    ModelCard card =
        ModelCardReader.read(
            props, ModelCardReaderTest.PRODUCER, new ModelCardReader.GraphFacts(3, 64, 48, 3));

    assertThat(card.labels()).isEqualTo(written.labels());
    assertThat(card.classCounts()).isEqualTo(written.classCounts());
    assertThat(card.groups()).hasValue(GROUPS);
    assertThat(card.input()).isEqualTo(RGB_PHOTO);
    assertThat(card.dataset()).hasValue("shop-photos");
    assertThat(card.method()).hasValue("reslt");
    assertThat(card.alpha()).hasValue(0.9);
    assertThat(card.branchStyle()).hasValue("paper");
    assertThat(card.metrics()).hasValue(METRICS);
    assertThat(card.runConfig()).isEqualTo(run);
    assertThat(props).doesNotContainKey(OnnxContract.KEY_SPLIT);
  }

  @Test
  void anInputWrittenBeforeImageKindsIsADrawingWithoutRecordedNormalisation() {
    ModelCard.Input old =
        ModelCard.Input.parse(
            "{\"channels\": 1, \"height\": 28, \"width\": 28, \"value_min\": 0,"
                + " \"value_max\": 255, \"polarity\": \"light_on_dark\"}");

    assertThat(old.imageKind()).isEqualTo(ImageKind.DRAWING);
    assertThat(old.mean()).isEmpty();
    assertThat(old).isEqualTo(new ModelCard.Input(1, 28, 28, 0f, 255f, Polarity.LIGHT_ON_DARK));
  }

  @Test
  void theCommittedMnistModelLoadsAsTheDrawingModelItWas() {
    Path model =
        Path.of(System.getProperty("reslt.default.model", "../../models/reslt-mnist-lt.onnx"));
    assertThat(model).as("the committed default model").exists();

    try (ResltClassifier classifier = ResltClassifier.open(model)) {
      ModelCard card = classifier.modelCard();
      assertThat(card.metadata().get(OnnxContract.KEY_INPUT)).doesNotContain("image_kind");
      assertThat(card.input())
          .isEqualTo(new ModelCard.Input(1, 28, 28, 0f, 255f, Polarity.LIGHT_ON_DARK));
      assertThat(card.dataset()).isEmpty();
    }
  }

  @Test
  void anUnknownImageKindOrMismatchedNormalisationIsRefusedNamingTheKey() {
    ModelLoadException kind =
        assertThrows(
            ModelLoadException.class,
            () ->
                ModelCard.Input.parse(
                    "{\"channels\": 3, \"height\": 8, \"width\": 8, \"image_kind\": \"x-ray\"}"));
    assertThat(kind.getMessage()).contains(OnnxContract.KEY_INPUT, "x-ray", "drawing or photo");

    ModelLoadException mean =
        assertThrows(
            ModelLoadException.class,
            () ->
                ModelCard.Input.parse(
                    "{\"channels\": 3, \"height\": 8, \"width\": 8, \"mean\": [0.5],"
                        + " \"std\": [0.2]}"));
    assertThat(mean.getMessage()).contains(OnnxContract.KEY_INPUT, "one value per channel (3)");

    ModelLoadException text =
        assertThrows(
            ModelLoadException.class,
            () ->
                ModelCard.Input.parse(
                    "{\"channels\": 3, \"height\": 8, \"width\": 8, \"mean\": [\"a\"]}"));
    assertThat(text.getMessage()).contains(OnnxContract.KEY_INPUT + ".mean", "finite numbers");
  }

  @Test
  void theWriterEscapesWhatTheReaderUnescapes() {
    String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 \u00e9";
    JsonValue value = new JsonValue.JsonArray(List.of(new JsonValue.JsonString(tricky)));

    String json = Json.write(value);

    assertThat(json).doesNotContain("\n").contains("\\u0007");
    assertThat(Json.parse(json)).isEqualTo(value);
  }
}
