package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongTailDataTest {
  @TempDir Path tmp;

  @Test
  void drawsTheSplitAndKeepsTheFullTestSet() {
    Path dir = syntheticMnist(20);

    LongTailData data = LongTailData.mnist(settings(dir, Optional.empty()));

    assertThat(data.train().classCounts()).containsExactly(20, 10, 5, 2, 1, 1, 1, 1, 1, 1);
    assertThat(data.test().size()).isEqualTo(3);
    assertThat(data.groups().isTail(9)).isTrue();
    assertThat(data.files()).hasSize(4);
  }

  @Test
  void reusedSplitGivesTheSameImages() throws Exception {
    Path dir = syntheticMnist(20);
    LongTailData first = LongTailData.mnist(settings(dir, Optional.empty()));
    Path splitFile = tmp.resolve("split.json");
    first.split().write(splitFile);

    DataSettings other =
        new DataSettings(
            dir,
            new LongTailProfile.Full(),
            99,
            false,
            new GroupThresholds(1, 5),
            Optional.of(splitFile),
            false);
    LongTailData second = LongTailData.mnist(other);

    assertThat(second.split().indices()).isEqualTo(first.split().indices());
    assertThat(second.split().seed()).isEqualTo(4);
    assertThat(second.groups()).isEqualTo(first.groups());
  }

  private static DataSettings settings(Path dir, Optional<Path> reuse) {
    return new DataSettings(
        dir,
        LongTailProfile.parse("counts:20,10,5,2,1,1,1,1,1,1"),
        4,
        false,
        new GroupThresholds(2, 8),
        reuse,
        false);
  }

  private Path syntheticMnist(int perClass) {
    Path dir = tmp.resolve("mnist");
    int n = perClass * 10;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_IMAGES), IdxFixtures.images(n, 28, 28));
    IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_LABELS), IdxFixtures.labels(labels));
    IdxFixtures.write(dir.resolve(MnistFiles.TEST_IMAGES), IdxFixtures.images(3, 28, 28));
    IdxFixtures.write(dir.resolve(MnistFiles.TEST_LABELS), IdxFixtures.labels(0, 1, 2));
    return dir;
  }
}
