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
}
