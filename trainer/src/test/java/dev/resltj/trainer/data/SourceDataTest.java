package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading image folders and list files, and every way their data can be bad. */
class SourceDataTest {
  @TempDir Path dir;
  private final PrintStream log = new PrintStream(new ByteArrayOutputStream());

  private SourceSettings folder(boolean skip) {
    return settings(DatasetKind.FOLDER, Optional.empty(), Optional.empty(), Optional.empty(), skip);
  }

  private SourceSettings settings(
      DatasetKind kind,
      Optional<Path> train,
      Optional<Path> test,
      Optional<Path> names,
      boolean skip) {
    return new SourceSettings(
        kind,
        dir,
        train,
        test,
        Optional.empty(),
        names,
        Optional.empty(),
        Optional.empty(),
        skip,
        2,
        SourceSettings.DEFAULT_CACHE_BYTES);
  }

  private void writeFolder() throws Exception {
    ColourImages.writeFolder(dir, "train", new int[] {5, 3, 2}, 12, 1);
    ColourImages.writeFolder(dir, "test", new int[] {2, 2, 2}, 12, 2);
  }

  @Test
  void folderNamesClassesBySortedFolderAndKeepsTheImagesShapeAndColour() throws Exception {
    writeFolder();
    try (SourceData data = SourceData.load(folder(false), log)) {
      assertThat(data.description().classNames()).containsExactly("blue", "green", "red");
      assertThat(data.description().channels()).isEqualTo(3);
      assertThat(data.description().height()).isEqualTo(12);
      assertThat(data.description().style()).isEqualTo(ImageStyle.PHOTO);
      assertThat(data.pool().classCounts()).containsExactly(5, 3, 2);
      assertThat(data.test().size()).isEqualTo(6);
      assertThat(data.validation()).isEmpty();
    }
  }

  @Test
  void imagesOfMixedSizesAreScaledTo224UnlessASizeIsGiven() throws Exception {
    writeFolder();
    javax.imageio.ImageIO.write(
        ColourImages.image(0, 20, new java.util.Random(3)),
        "png",
        dir.resolve("train/blue/big.png").toFile());
    try (SourceData data = SourceData.load(folder(false), log)) {
      assertThat(data.description().height()).isEqualTo(224);
      assertThat(data.description().width()).isEqualTo(224);
    }
  }

  @Test
  void anUnreadableImageIsAnErrorNamingTheFile() throws Exception {
    writeFolder();
    Path broken = Files.writeString(dir.resolve("train/green/broken.png"), "not a png");

    DataFileException e =
        assertThrows(DataFileException.class, () -> SourceData.load(folder(false), log));

    assertThat(e).hasMessageContaining(broken.toString());
  }

  @Test
  void skipBadImagesCountsAndLeavesThemOut() throws Exception {
    writeFolder();
    Files.writeString(dir.resolve("train/green/broken.png"), "not a png");

    try (SourceData data = SourceData.load(folder(true), log)) {
      assertThat(data.pool().classCounts()).containsExactly(5, 3, 2);
      assertThat(data.badImages().count()).isEqualTo(1);
      assertThat(data.badImages().summary()).contains("skipped 1").contains("broken.png");
    }
  }

  @Test
  void aClassFolderWithoutTrainingImagesIsAnError() throws Exception {
    writeFolder();
    Files.createDirectories(dir.resolve("train/yellow"));

    DataFileException e =
        assertThrows(DataFileException.class, () -> SourceData.load(folder(false), log));

    assertThat(e).hasMessageContaining("yellow").hasMessageContaining("no training image");
  }

  @Test
  void aTestClassThatIsNotATrainingClassIsAnError() throws Exception {
    writeFolder();
    ColourImages.writeFolder(dir.resolve("test-extra"), "x", new int[] {1}, 12, 4);
    Files.move(dir.resolve("test-extra/x/blue"), dir.resolve("test/purple"));

    DataFileException e =
        assertThrows(DataFileException.class, () -> SourceData.load(folder(false), log));

    assertThat(e).hasMessageContaining("purple").hasMessageContaining("training");
  }

  @Test
  void aMissingTestFolderSaysWhatLayoutIsExpected() throws Exception {
    ColourImages.writeFolder(dir, "train", new int[] {2, 2}, 12, 1);

    DataFileException e =
        assertThrows(DataFileException.class, () -> SourceData.load(folder(false), log));

    assertThat(e).hasMessageContaining("test").hasMessageContaining("DIR/test/<class>/<image>");
  }

  @Test
  void aValFolderBecomesTheValidationSet() throws Exception {
    writeFolder();
    ColourImages.writeFolder(dir, "val", new int[] {1, 1, 1}, 12, 5);
    try (SourceData data = SourceData.load(folder(false), log)) {
      assertThat(data.validation()).isPresent();
      assertThat(data.validation().get().size()).isEqualTo(3);
    }
  }

  private SourceSettings list(String train, String test, Optional<Path> names, boolean skip)
      throws Exception {
    return settings(
        DatasetKind.LIST,
        Optional.of(Files.writeString(dir.resolve("train.txt"), train)),
        Optional.of(Files.writeString(dir.resolve("test.txt"), test)),
        names,
        skip);
  }

  private List<ImageEntry> listImages() throws Exception {
    return ColourImages.writeFolder(dir, "img", new int[] {3, 2}, 8, 1);
  }

  @Test
  void listFilesReadPathsRelativeToTheDataFolderWithClassNames() throws Exception {
    listImages();
    Path names = Files.writeString(dir.resolve("names.txt"), "sky\ngrass\n");
    SourceSettings s =
        list(
            "# comment\nimg/blue/img-000.png 0\nimg/blue/img-001.jpg 0\nimg/green/img-000.png 1\n",
            "img/blue/img-002.png 0\nimg/green/img-001.jpg 1\n",
            Optional.of(names),
            false);
    try (SourceData data = SourceData.load(s, log)) {
      assertThat(data.description().classNames()).containsExactly("sky", "grass");
      assertThat(data.pool().classCounts()).containsExactly(2, 1);
      assertThat(data.description().kind()).isEqualTo(DatasetKind.LIST);
      assertThat(data.files()).hasSize(3);
    }
  }

  @Test
  void aListedFileThatDoesNotExistIsAnErrorNamingTheLine() throws Exception {
    listImages();
    SourceSettings s =
        list(
            "img/blue/img-000.png 0\nimg/blue/nope.png 0\nimg/green/img-000.png 1\n",
            "img/blue/img-002.png 0\n",
            Optional.empty(),
            false);

    DataFileException e = assertThrows(DataFileException.class, () -> SourceData.load(s, log));

    assertThat(e).hasMessageContaining("train.txt").hasMessageContaining("line 2");
    assertThat(e).hasMessageContaining("nope.png").hasMessageContaining("does not exist");
  }

  @Test
  void aMissingListedFileIsSkippedAndCountedWhenAsked() throws Exception {
    listImages();
    SourceSettings s =
        list(
            "img/blue/img-000.png 0\nimg/blue/nope.png 0\nimg/green/img-000.png 1\n",
            "img/blue/img-002.png 0\n",
            Optional.empty(),
            true);
    try (SourceData data = SourceData.load(s, log)) {
      assertThat(data.pool().size()).isEqualTo(2);
      assertThat(data.badImages().count()).isEqualTo(1);
    }
  }

  @Test
  void aLabelThatIsNotANumberIsAnErrorNamingTheLine() throws Exception {
    listImages();
    SourceSettings s =
        list(
            "img/blue/img-000.png 0\nimg/green/img-000.png cat\n",
            "img/blue/img-002.png 0\n",
            Optional.empty(),
            false);

    DataFileException e = assertThrows(DataFileException.class, () -> SourceData.load(s, log));

    assertThat(e).hasMessageContaining("train.txt").hasMessageContaining("line 2");
    assertThat(e).hasMessageContaining("'cat'");
  }

  @Test
  void aLabelOutsideTheClassNamesIsAnUnknownLabel() throws Exception {
    listImages();
    Path names = Files.writeString(dir.resolve("names.txt"), "sky\ngrass\n");
    SourceSettings s =
        list(
            "img/blue/img-000.png 0\nimg/green/img-000.png 1\n",
            "img/blue/img-002.png 2\n",
            Optional.of(names),
            false);

    DataFileException e = assertThrows(DataFileException.class, () -> SourceData.load(s, log));

    assertThat(e).hasMessageContaining("test.txt").hasMessageContaining("line 1");
    assertThat(e).hasMessageContaining("unknown label 2");
  }

  @Test
  void aTestLabelBeyondTheTrainingClassesIsAnUnknownLabel() throws Exception {
    listImages();
    SourceSettings s =
        list(
            "img/blue/img-000.png 0\nimg/green/img-000.png 1\n",
            "img/blue/img-002.png 5\n",
            Optional.empty(),
            false);

    DataFileException e = assertThrows(DataFileException.class, () -> SourceData.load(s, log));

    assertThat(e).hasMessageContaining("test.txt").hasMessageContaining("unknown label 5");
  }

  @Test
  void aClassWithoutTrainingImagesInAListIsAnError() throws Exception {
    listImages();
    Path names = Files.writeString(dir.resolve("names.txt"), "sky\ngrass\nsun\n");
    SourceSettings s =
        list(
            "img/blue/img-000.png 0\nimg/green/img-000.png 1\n",
            "img/blue/img-002.png 0\n",
            Optional.of(names),
            false);

    DataFileException e = assertThrows(DataFileException.class, () -> SourceData.load(s, log));

    assertThat(e).hasMessageContaining("train.txt").hasMessageContaining("'sun'");
    assertThat(e).hasMessageContaining("no training image");
  }

  @Test
  void aLineWithoutALabelSaysWhatIsExpected() throws Exception {
    listImages();
    SourceSettings s =
        list("img/blue/img-000.png\n", "img/blue/img-002.png 0\n", Optional.empty(), false);

    DataFileException e = assertThrows(DataFileException.class, () -> SourceData.load(s, log));

    assertThat(e).hasMessageContaining("line 1").hasMessageContaining("'relative/path label'");
  }
}
