package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.data.BadImages;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.ColourImages;
import dev.resltj.trainer.data.DecodeWorkers;
import dev.resltj.trainer.data.FileImages;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.ImageDecoder;
import dev.resltj.trainer.data.ImageEntry;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.loss.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches decoded from files on the decoding threads: the same images and labels as the batches of
 * the same set held in memory, the same batches on every run whatever the threads' timing.
 */
class StreamedBatchesTest {
  @TempDir static Path dir;
  private static DecodeWorkers workers;
  private static FileImages files;
  private static LabeledImages cached;
  private static ClassGroups groups;

  @BeforeAll
  static void writeImages() throws Exception {
    List<ImageEntry> entries = ColourImages.writeFolder(dir, "train", new int[] {20, 9, 4}, 8, 3);
    workers = DecodeWorkers.start(3);
    files =
        new FileImages(
            entries, ColourImages.CLASSES, new ImageDecoder(3, 8, 8), workers, BadImages.fail());
    cached = files.decodeAll(dev.resltj.trainer.data.Progress.silent());
    groups = ClassGroups.fromCounts(files.classCounts(), new GroupThresholds(5, 10));
  }

  @AfterAll
  static void stop() {
    workers.close();
  }

  private static float[][] epochs(
      dev.resltj.trainer.data.ImageSet images, Method method, Augmentation augmentation) {
    try (SampledBatches b = SampledBatches.forMethod(method, images, groups, 4, augmentation, 11)) {
      int steps = b.stepsPerEpoch();
      float[][] out = new float[2 * steps][];
      for (int epoch = 1; epoch <= 2; epoch++) {
        b.startEpoch(epoch);
        for (int s = 0; s < steps; s++) {
          float[] pixels = new float[b.imagesPerStep() * b.imageSize()];
          int[] labels = new int[b.imagesPerStep()];
          b.next(pixels, labels);
          float[] row = java.util.Arrays.copyOf(pixels, pixels.length + labels.length);
          for (int i = 0; i < labels.length; i++) {
            row[pixels.length + i] = labels[i];
          }
          out[(epoch - 1) * steps + s] = row;
        }
      }
      return out;
    }
  }

  @Test
  void streamedBatchesHoldWhatTheInMemoryBatchesHold() {
    assertThat(epochs(files, Method.RESLT_BRANCH_SAMPLING, Augmentation.NONE))
        .isDeepEqualTo(epochs(cached, Method.RESLT_BRANCH_SAMPLING, Augmentation.NONE));
  }

  @Test
  void streamedAugmentedBatchesAreTheSameOnEveryRun() {
    float[][] first = epochs(files, Method.CE, Augmentation.IMAGENET);
    float[][] second = epochs(files, Method.CE, Augmentation.IMAGENET);
    assertThat(second).isDeepEqualTo(first);
    assertThat(first).isNotEqualTo(epochs(files, Method.CE, Augmentation.NONE));
  }

  @Test
  void anEpochStoppedHalfWayRestartsFromItsFirstBatch() {
    float[][] whole = epochs(files, Method.CE, Augmentation.CIFAR);
    try (SampledBatches b =
        SampledBatches.forMethod(Method.CE, files, groups, 4, Augmentation.CIFAR, 11)) {
      float[] pixels = new float[b.imagesPerStep() * b.imageSize()];
      int[] labels = new int[b.imagesPerStep()];
      float[] expected = java.util.Arrays.copyOf(whole[b.stepsPerEpoch()], pixels.length);
      // many restarts, so a batch still being decoded when its epoch is abandoned is caught
      // writing into the buffer the restarted epoch reuses
      for (int restart = 0; restart < 200; restart++) {
        b.startEpoch(2);
        b.next(pixels, labels);
        assertThat(pixels).as("first batch after restart %d", restart).isEqualTo(expected);
      }
    }
  }
}
