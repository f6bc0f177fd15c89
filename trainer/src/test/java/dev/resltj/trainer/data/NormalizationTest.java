package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  @Test
  void parsesPerChannelValuesOneValueForAllAndImagenet() {
    assertThat(Normalization.parse("0.1,0.2,0.3:0.4,0.5,0.6").mean())
        .containsExactly(0.1f, 0.2f, 0.3f);
    assertThat(Normalization.parse("0.5:0.25").forChannels(3).std())
        .containsExactly(0.25f, 0.25f, 0.25f);
    assertThat(Normalization.parse("imagenet")).isEqualTo(Normalization.IMAGENET);
    assertThat(Normalization.parse(Normalization.IMAGENET.cliForm()))
        .isEqualTo(Normalization.IMAGENET);
  }

  @Test
  void rejectsMalformedValuesShowingTheForm() {
    var e = assertThrows(IllegalArgumentException.class, () -> Normalization.parse("0.5"));
    assertThat(e.getMessage()).contains("MEAN[,MEAN,MEAN]:STD[,STD,STD]");
    assertThrows(IllegalArgumentException.class, () -> Normalization.parse("0.5:0"));
    assertThrows(IllegalArgumentException.class, () -> Normalization.parse("a:0.2"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Normalization.parse("0.1,0.2:0.3,0.4").forChannels(3));
  }

  @Test
  void measuresEachChannelsMeanAndStd() {
    // two 1x1 RGB images: red channel 0 and 255, green always 51, blue always 0
    LabeledImages images =
        LabeledImages.of(
            new byte[] {0, 51, 0, (byte) 255, 51, 0}, new int[] {0, 1}, 3, 1, 1, List.of("a", "b"));
    Normalization n = Normalization.measure(images, 100);
    assertThat(n.mean().get(0)).isCloseTo(0.5f, within(1e-6f));
    assertThat(n.std().get(0)).isCloseTo(0.5f, within(1e-6f));
    assertThat(n.mean().get(1)).isCloseTo(0.2f, within(1e-6f));
    assertThat(n.std().get(2)).as("a constant channel is not divided by 0").isPositive();
  }
}
