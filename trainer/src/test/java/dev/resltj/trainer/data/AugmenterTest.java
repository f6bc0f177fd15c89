package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static final int SIDE = 5;

  @Test
  void shiftMovesPixelsAndFillsTheBorderWithZero() {
    float[] img = dot(1, 2);
    Augmenter a = new Augmenter(Augmentation.DEFAULT, 1, SIDE, SIDE);

    a.transform(img, 0, 2, -1, 0);

    assertThat(at(img, 3, 1)).isEqualTo(255f);
    assertThat(sum(img)).isEqualTo(255f);
  }

  @Test
  void shiftOutOfTheFrameLeavesBackground() {
    float[] img = dot(4, 4);
    Augmenter a = new Augmenter(Augmentation.DEFAULT, 1, SIDE, SIDE);

    a.transform(img, 0, 1, 0, 0);

    assertThat(sum(img)).isZero();
  }

  @Test
  void quarterTurnRotatesAboutTheCentre() {
    float[] img = dot(3, 2);
    Augmenter a = new Augmenter(Augmentation.DEFAULT, 1, SIDE, SIDE);

    a.transform(img, 0, 0, 0, 90);

    // a quarter turn maps (x, y) = (3, 2), one right of the centre, to one below or above it
    float below = at(img, 2, 3);
    float above = at(img, 2, 1);
    assertThat(Math.max(below, above)).isCloseTo(255f, within(1e-3f));
    assertThat(sum(img)).isCloseTo(255f, within(1e-3f));
  }

  @Test
  void smallRotationInterpolatesBilinearly() {
    float[] img = new float[SIDE * SIDE];
    java.util.Arrays.fill(img, 100f);
    Augmenter a = new Augmenter(Augmentation.DEFAULT, 1, SIDE, SIDE);

    a.transform(img, 0, 0, 0, 7);

    // the centre stays, a uniform interior stays uniform
    assertThat(at(img, 2, 2)).isCloseTo(100f, within(1e-3f));
    assertThat(at(img, 2, 1)).isCloseTo(100f, within(1e-3f));
  }

  @Test
  void transformsOnlyTheImageAtTheOffset() {
    float[] two = new float[2 * SIDE * SIDE];
    two[SIDE * SIDE + 2 * SIDE + 2] = 9f;
    two[0] = 5f;
    Augmenter a = new Augmenter(Augmentation.DEFAULT, 1, SIDE, SIDE);

    a.transform(two, SIDE * SIDE, 1, 1, 0);

    assertThat(two[0]).isEqualTo(5f);
    assertThat(two[SIDE * SIDE + 3 * SIDE + 3]).isEqualTo(9f);
  }

  @Test
  void sameSeedGivesSameAugmentation() {
    Augmenter a = new Augmenter(Augmentation.DEFAULT, 1, SIDE, SIDE);
    float[] x = dot(2, 2);
    float[] y = dot(2, 2);

    a.apply(x, 0, new Random(11));
    a.apply(y, 0, new Random(11));

    assertThat(x).isEqualTo(y);
  }

  @Test
  void parsesCliForms() {
    assertThat(Augmentation.parse("none")).isEqualTo(Augmentation.NONE);
    assertThat(Augmentation.parse("default")).isEqualTo(new Augmentation(2, 10));
    assertThat(Augmentation.parse("shift=3")).isEqualTo(new Augmentation(3, 0));
    assertThat(Augmentation.parse("shift=1,rotate=7.5")).isEqualTo(new Augmentation(1, 7.5));
    assertThat(Augmentation.parse(new Augmentation(2, 10).cliForm()))
        .isEqualTo(new Augmentation(2, 10));
  }

  @Test
  void rejectsUnknownAugmentation() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("wobble"));

    assertThat(e.getMessage()).contains("'wobble'").contains("shift=PIXELS,rotate=DEGREES");
  }

  @Test
  void rejectsNegativeShift() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("shift=-1"));

    assertThat(e.getMessage()).contains("-1");
  }

  private static float[] dot(int x, int y) {
    float[] img = new float[SIDE * SIDE];
    img[y * SIDE + x] = 255f;
    return img;
  }

  private static float at(float[] img, int x, int y) {
    return img[y * SIDE + x];
  }

  private static float sum(float[] img) {
    float s = 0;
    for (float v : img) {
      s += v;
    }
    return s;
  }

  @Test
  void presetsAreNamedAndRecordTheirName() {
    assertThat(Augmentation.parse("digits")).isEqualTo(new Augmentation(2, 0));
    assertThat(Augmentation.parse("shift=2").cliForm()).isEqualTo("digits");
    assertThat(Augmentation.parse("cifar")).isEqualTo(new Augmentation(4, 0, 0, true));
    assertThat(Augmentation.parse("imagenet").cliForm()).isEqualTo("imagenet");
    assertThat(Augmentation.parse("shift=1,crop=0.5,flip"))
        .isEqualTo(new Augmentation(1, 0, 0.5, true));
    assertThat(Augmentation.parse(new Augmentation(1, 3, 0.5, true).cliForm()))
        .isEqualTo(new Augmentation(1, 3, 0.5, true));
  }

  @Test
  void shiftOnlyDrawsWhatItDrewBeforeCropsAndFlips() {
    // the draws of the digit shift must not change, or MNIST runs would stop being reproducible
    Random a = new Random(4);
    Random b = new Random(4);
    float[] image = new float[SIDE * SIDE];
    new Augmenter(Augmentation.DIGITS, 1, SIDE, SIDE).apply(image, 0, a);
    b.nextInt(5);
    b.nextInt(5);
    assertThat(a.nextLong()).isEqualTo(b.nextLong());
  }

  @Test
  void flipMirrorsEveryRowOfEveryChannel() {
    Augmenter flip = new Augmenter(new Augmentation(0, 0, 0, true), 2, 1, 3);
    float[] image = {1, 2, 3, 4, 5, 6};
    Random rng = new Random(0);
    // find a draw that flips: the image changes then, and flipping twice restores it
    float[] out = image.clone();
    while (java.util.Arrays.equals(out, image)) {
      flip.apply(out, 0, rng);
    }
    assertThat(out).containsExactly(3, 2, 1, 6, 5, 4);
  }

  @Test
  void randomResizedCropKeepsValuesWithinTheImagesRange() {
    Augmenter crop = new Augmenter(new Augmentation(0, 0, 0.08, false), 1, SIDE, SIDE);
    float[] image = new float[SIDE * SIDE];
    for (int i = 0; i < image.length; i++) {
      image[i] = i % 7 * 10;
    }
    float[] out = image.clone();
    crop.apply(out, 0, new Random(2));
    assertThat(out).isNotEqualTo(image);
    for (float v : out) {
      assertThat(v).isBetween(0f, 60f);
    }
  }
}
