package dev.resltj.trainer.training;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.data.BatchAssembler;
import dev.resltj.trainer.data.BatchSampler;
import dev.resltj.trainer.data.ClassBalancedSampler;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.InstanceSampler;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.data.PartialBatch;
import dev.resltj.trainer.loss.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A method's batches from the data package's samplers: one instance or class-balanced sampler, or
 * for {@code reslt-branch-sampling} three instance samplers (all images, medium+tail images, tail
 * images) stacked into one step. Batches are always full ({@link PartialBatch#FILL}) so every step
 * has the same shape; an epoch has {@code ceil(N / batch)} steps of the main sampler.
 */
public final class SampledBatches implements BatchSource {
  /** Keeps augmentation draws apart from the samplers' streams of the same seed. */
  private static final long AUGMENT_STREAM = 0x5DEECE66DL;

  private final List<BatchSampler> samplers;
  private final List<BatchAssembler> assemblers;
  private final int batchSize;
  private final int imageSize;
  private final long seed;
  private final int[] indices;
  private Random augmentRandom;

  private SampledBatches(
      List<BatchSampler> samplers,
      LabeledImages images,
      int batchSize,
      Augmentation augmentation,
      long seed) {
    this.samplers = List.copyOf(samplers);
    List<BatchAssembler> list = new ArrayList<>();
    for (int i = 0; i < samplers.size(); i++) {
      list.add(new BatchAssembler(images, batchSize, augmentation));
    }
    this.assemblers = List.copyOf(list);
    this.batchSize = batchSize;
    this.imageSize = images.imageSize();
    this.seed = seed;
    this.indices = new int[batchSize];
    startEpoch(1);
  }

  /** The batches {@code method} trains on. */
  public static SampledBatches forMethod(
      Method method,
      LabeledImages train,
      ClassGroups groups,
      int batchSize,
      Augmentation augmentation,
      long seed) {
    List<BatchSampler> samplers =
        switch (method.sampling()) {
          case INSTANCE -> List.of(InstanceSampler.of(train, batchSize, PartialBatch.FILL, seed));
          case CLASS_BALANCED ->
              List.of(ClassBalancedSampler.of(train, batchSize, PartialBatch.FILL, seed));
          case PER_BRANCH -> branchSamplers(train, groups, batchSize, seed);
        };
    return new SampledBatches(samplers, train, batchSize, augmentation, seed);
  }

  private static List<BatchSampler> branchSamplers(
      LabeledImages train, ClassGroups groups, int batchSize, long seed) {
    List<Integer> tail = groups.classesIn(ClassGroup.TAIL);
    if (tail.isEmpty()) {
      throw new IllegalArgumentException(
          "method reslt-branch-sampling needs at least one tail class, but the thresholds "
              + groups.thresholds()
              + " put none in the tail: raise --tail-max");
    }
    List<Integer> mediumAndTail = new ArrayList<>(groups.classesIn(ClassGroup.MEDIUM));
    mediumAndTail.addAll(tail);
    return List.of(
        InstanceSampler.of(train, batchSize, PartialBatch.FILL, seed),
        InstanceSampler.ofClasses(train, mediumAndTail, batchSize, PartialBatch.FILL, seed + 1),
        InstanceSampler.ofClasses(train, tail, batchSize, PartialBatch.FILL, seed + 2));
  }

  /** Steps in one epoch: those of the main sampler. */
  public int stepsPerEpoch() {
    return samplers.get(0).stepsPerEpoch();
  }

  @Override
  public int imagesPerStep() {
    return batchSize * samplers.size();
  }

  @Override
  public int imageSize() {
    return imageSize;
  }

  @Override
  public void startEpoch(int epoch) {
    for (BatchSampler s : samplers) {
      s.startEpoch(epoch - 1);
    }
    augmentRandom = BatchSampler.epochRandom(seed ^ AUGMENT_STREAM, epoch - 1);
  }

  @Override
  public void next(float[] pixels, int[] labels) {
    for (int b = 0; b < samplers.size(); b++) {
      int n = samplers.get(b).next(indices);
      BatchAssembler assembler = assemblers.get(b);
      assembler.fill(indices, n, augmentRandom);
      System.arraycopy(assembler.pixels(), 0, pixels, b * batchSize * imageSize, n * imageSize);
      System.arraycopy(assembler.labels(), 0, labels, b * batchSize, n);
    }
  }
}
