package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resltj.trainer.storage.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongTailSplitTest {
  private static final LabeledImages BALANCED = IdxFixtures.balanced(4, 50);
  private static final LongTailProfile COUNTS = LongTailProfile.parse("counts:40,12,5,1");
  private static final GroupThresholds THRESHOLDS = new GroupThresholds(5, 20);

  @TempDir Path dir;

  @Test
  void sameSeedGivesSameSplit() {
    LongTailSplit a =
        LongTailSplit.draw(BALANCED, LongTailProfile.parse("pareto"), 7, false, THRESHOLDS);
    LongTailSplit b =
        LongTailSplit.draw(BALANCED, LongTailProfile.parse("pareto"), 7, false, THRESHOLDS);

    assertThat(a.indices()).isEqualTo(b.indices());
    assertThat(a.classCounts()).isEqualTo(b.classCounts());
  }

  @Test
  void differentSeedChoosesOtherImages() {
    LongTailSplit a = LongTailSplit.draw(BALANCED, COUNTS, 1, false, THRESHOLDS);
    LongTailSplit b = LongTailSplit.draw(BALANCED, COUNTS, 2, false, THRESHOLDS);

    assertThat(a.indices()).isNotEqualTo(b.indices());
  }

  @Test
  void keepsTheProfilesCountPerClass() {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 3, false, THRESHOLDS);

    LabeledImages lt = split.apply(BALANCED);

    assertThat(lt.classCounts()).containsExactly(40, 12, 5, 1);
    assertThat(split.size()).isEqualTo(58);
    assertThat(split.imbalance()).isEqualTo(40.0);
  }

  @Test
  void drawsWithoutReplacementByDefault() {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 3, false, THRESHOLDS);

    int[] idx = split.indices();
    assertThat(Arrays.stream(idx).distinct().count()).isEqualTo(idx.length);
    assertThat(idx).isSorted();
  }

  @Test
  void drawsWithReplacementWhenAskedAndMayExceedTheClassSize() {
    LongTailSplit split =
        LongTailSplit.draw(
            BALANCED, LongTailProfile.parse("counts:120,1,1,1"), 3, true, THRESHOLDS);

    int[] idx = split.indices();
    assertThat(idx).hasSize(123);
    assertThat(Arrays.stream(idx).distinct().count()).isLessThan(123);
    assertThat(split.apply(BALANCED).classCounts()).containsExactly(120, 1, 1, 1);
  }

  @Test
  void rejectsMoreImagesThanAClassHasWithoutReplacement() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LongTailSplit.draw(
                    BALANCED, LongTailProfile.parse("counts:60,1,1,1"), 3, false, THRESHOLDS));

    assertThat(e.getMessage()).contains("class 0").contains("60").contains("has 50");
  }

  @Test
  void groupsFollowThresholds() {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 3, false, THRESHOLDS);

    assertThat(split.toRecord().groups())
        .isEqualTo(new SplitRecord.Groups(List.of(0), List.of(1), List.of(2, 3)));
  }

  @Test
  void writesSplitJsonWithCamelCaseFields() throws Exception {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 9, false, THRESHOLDS);
    Path file = dir.resolve("split.json");

    split.write(file);

    JsonNode json = JsonFiles.mapper().readTree(file.toFile());
    assertThat(json.get("profile").asText()).isEqualTo("counts:40,12,5,1");
    assertThat(json.get("seed").asLong()).isEqualTo(9);
    assertThat(json.get("withReplacement").asBoolean()).isFalse();
    assertThat(json.get("classCounts").toString()).isEqualTo("[40,12,5,1]");
    assertThat(json.get("thresholds").toString()).isEqualTo("{\"tailMax\":5,\"mediumMax\":20}");
    assertThat(json.get("groups").toString())
        .isEqualTo("{\"head\":[0],\"medium\":[1],\"tail\":[2,3]}");
    assertThat(json.get("indices")).hasSize(58);
  }

  @Test
  void readingBackGivesTheSameSplit() throws Exception {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 9, true, THRESHOLDS);
    Path file = dir.resolve("split.json");
    split.write(file);

    LongTailSplit back = LongTailSplit.read(file, BALANCED);

    assertThat(back.indices()).isEqualTo(split.indices());
    assertThat(back.classCounts()).isEqualTo(split.classCounts());
    assertThat(back.profile()).isEqualTo(COUNTS);
    assertThat(back.seed()).isEqualTo(9);
    assertThat(back.withReplacement()).isTrue();
    assertThat(back.groups()).isEqualTo(split.groups());
  }

  @Test
  void rejectsSplitWithIndexOutsideTheTrainingSet() throws Exception {
    Path file = edited(json -> ((ArrayNode) json.get("indices")).set(3, 200));

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage())
        .contains(file.toString())
        .contains("index 200 at position 3")
        .contains("0..199");
  }

  @Test
  void rejectsSplitWhoseCountsDisagreeWithItsIndices() throws Exception {
    Path file = edited(json -> ((ArrayNode) json.get("classCounts")).set(1, 13));

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage()).contains("12 images of class 1").contains("classCounts says 13");
  }

  @Test
  void rejectsRepeatedIndexInSplitWithoutReplacement() throws Exception {
    Path file =
        edited(
            json -> {
              ArrayNode idx = (ArrayNode) json.get("indices");
              idx.set(1, idx.get(0).asInt());
            });

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage()).contains("appears twice");
  }

  @Test
  void rejectsGroupsThatDoNotFollowFromCounts() throws Exception {
    Path file = edited(json -> ((ObjectNode) json.get("groups")).putArray("tail").add(3));

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage()).contains("do not follow from classCounts");
  }

  @Test
  void rejectsSplitForAnotherNumberOfClasses() throws Exception {
    Path file = edited(json -> ((ArrayNode) json.get("classCounts")).add(4));

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage()).contains("5 classes").contains("has 4");
  }

  @Test
  void rejectsFileThatIsNotJson() throws Exception {
    Path file = Files.writeString(dir.resolve("split.json"), "indices: 1, 2");

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage()).contains(file.toString());
  }

  @Test
  void rejectsJsonWithoutSplitFields() throws Exception {
    Path file = Files.writeString(dir.resolve("split.json"), "{\"seed\": 3}");

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage()).contains("not a split file");
  }

  @Test
  void rejectsUnknownProfileInFile() throws Exception {
    Path file = edited(json -> ((ObjectNode) json).put("profile", "zipf"));

    DataFileException e =
        assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));

    assertThat(e.getMessage()).contains(file.toString()).contains("'zipf'");
  }

  @Test
  void regroupsWithOtherThresholds() {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 3, false, THRESHOLDS);

    LongTailSplit regrouped = split.withThresholds(new GroupThresholds(0, 12));

    assertThat(regrouped.toRecord().groups())
        .isEqualTo(new SplitRecord.Groups(List.of(0), List.of(1, 2, 3), List.of()));
    assertThat(regrouped.indices()).isEqualTo(split.indices());
  }

  private Path edited(java.util.function.Consumer<JsonNode> edit) throws Exception {
    Path file = dir.resolve("split.json");
    LongTailSplit.draw(BALANCED, COUNTS, 5, false, THRESHOLDS).write(file);
    JsonNode json = JsonFiles.mapper().readTree(file.toFile());
    edit.accept(json);
    JsonFiles.mapper().writeValue(file.toFile(), json);
    return file;
  }

  @Test
  void validationIsBalancedAndDisjointFromTraining() {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 3, false, THRESHOLDS, 8);
    java.util.Set<Integer> training = new java.util.HashSet<>();
    for (int i : split.indices()) {
      training.add(i);
    }
    int[] perClass = new int[4];
    for (int i : split.validationIndices()) {
      assertThat(training).doesNotContain(i);
      perClass[BALANCED.label(i)]++;
    }
    // class 0 keeps 40 of its 50 images for training: only 10 are left, enough for 8
    assertThat(perClass).containsExactly(8, 8, 8, 8);
    assertThat(split.validation(BALANCED).size()).isEqualTo(32);
  }

  @Test
  void validationTakesWhatIsLeftWhenAClassHasFewerSpareImages() {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 3, false, THRESHOLDS, 20);
    int[] perClass = new int[4];
    for (int i : split.validationIndices()) {
      perClass[BALANCED.label(i)]++;
    }
    assertThat(perClass).containsExactly(10, 20, 20, 20);
  }

  @Test
  void validationFollowsTheSeedAndSurvivesTheFile(@TempDir Path dir) throws Exception {
    LongTailSplit a = LongTailSplit.draw(BALANCED, COUNTS, 5, false, THRESHOLDS, 6);
    LongTailSplit b = LongTailSplit.draw(BALANCED, COUNTS, 5, false, THRESHOLDS, 6);
    assertThat(b.validationIndices()).containsExactly(a.validationIndices());
    Path file = dir.resolve("split.json");
    a.write(file);
    assertThat(LongTailSplit.read(file, BALANCED).validationIndices())
        .containsExactly(a.validationIndices());
  }

  @Test
  void aValidationImageThatIsAlsoTrainedOnIsRefused(@TempDir Path dir) throws Exception {
    LongTailSplit split = LongTailSplit.draw(BALANCED, COUNTS, 5, false, THRESHOLDS, 6);
    SplitRecord r = split.toRecord();
    List<Integer> validation = new java.util.ArrayList<>(r.validationIndices());
    validation.set(0, r.indices().get(0));
    SplitRecord bad =
        new SplitRecord(
            r.profile(),
            r.seed(),
            r.withReplacement(),
            r.classCounts(),
            r.thresholds(),
            r.groups(),
            r.indices(),
            r.validationPerClass(),
            validation,
            r.validationSource(),
            r.validationFraction());
    Path file = dir.resolve("split.json");
    dev.resltj.trainer.storage.JsonFiles.write(file, bad);
    var e = assertThrows(DataFileException.class, () -> LongTailSplit.read(file, BALANCED));
    assertThat(e).hasMessageContaining("also a training image");
  }

  @Test
  void aHeadClassTakenWholeLendsItsLastDrawsToValidation() {
    LabeledImages balanced = IdxFixtures.balanced(3, 100);
    LongTailSplit split =
        LongTailSplit.draw(
            balanced, LongTailProfile.parse("counts:100,20,5"), 4, false, THRESHOLDS, 5);
    int[] perClass = new int[3];
    for (int i : split.validationIndices()) {
      perClass[balanced.label(i)]++;
    }
    assertThat(perClass).containsExactly(5, 5, 5);
    assertThat(split.classCounts()).containsExactly(95, 20, 5);
  }
}
