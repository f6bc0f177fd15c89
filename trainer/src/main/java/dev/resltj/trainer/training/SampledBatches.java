package dev.resltj.trainer.training;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.data.Augmenter;
import dev.resltj.trainer.data.BatchAssembler;
import dev.resltj.trainer.data.BatchSampler;
import dev.resltj.trainer.data.ClassBalancedSampler;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.DecodeWorkers;
import dev.resltj.trainer.data.FileImages;
import dev.resltj.trainer.data.ImageSet;
import dev.resltj.trainer.data.InstanceSampler;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.data.PartialBatch;
import dev.resltj.trainer.loss.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A method's batches from the data package's samplers: one instance or class-balanced sampler, or
 * for {@code reslt-branch-sampling} three instance samplers (all images, medium+tail images, tail
 * images) stacked into one step. Batches are always full ({@link PartialBatch#FILL}) so every step
 * has the same shape; an epoch has {@code ceil(N / batch)} steps of the main sampler.
 *
 * <p>Images held in memory are assembled on the training thread, augmented from one generator per
 * epoch. Images decoded from files are prepared ahead by the decoding threads: the samplers still
 * draw in step order on the training thread, each step's batch is decoded and augmented on a worker
 * with a generator of its own (seeded by epoch and step, so the batches do not depend on which
 * thread ran first), and at most a few batches wait, which bounds the memory.
 */
public final class SampledBatches implements BatchSource, AutoCloseable {
  /** Keeps augmentation draws apart from the samplers' streams of the same seed. */
  private static final long AUGMENT_STREAM = 0x5DEECE66DL;

  /** Heap the batches waiting for the step may take. */
  private static final long PREFETCH_BYTES = 512L << 20;

  private final List<BatchSampler> samplers;
  private final int batchSize;
  private final int imageSize;
  private final long seed;
  private final int[] indices;
  // in memory
  private final List<BatchAssembler> assemblers;
  private Random augmentRandom;
  // from files
  private final FileImages files;
  private final Augmentation augmentation;
  private final ArrayDeque<Slot> free = new ArrayDeque<>();
  private final ArrayDeque<Slot> pending = new ArrayDeque<>();
  private int epoch;
  private int submitted;
  private int consumed;

  /** One prepared batch: its buffers, the worker's augmenter, and the work in flight. */
  private static final class Slot {
    final float[] pixels;
    final int[] labels;
    final int[][] drawn;
    final int[] counts;
    final Augmenter augmenter;
    Future<?> work;

    Slot(int images, int imageSize, int samplers, int batchSize, Augmenter augmenter) {
      this.pixels = new float[images * imageSize];
      this.labels = new int[images];
      this.drawn = new int[samplers][batchSize];
      this.counts = new int[samplers];
      this.augmenter = augmenter;
    }
  }

  private SampledBatches(
      List<BatchSampler> samplers,
      ImageSet images,
      int batchSize,
      Augmentation augmentation,
      long seed) {
    this.samplers = List.copyOf(samplers);
    this.batchSize = batchSize;
    this.imageSize = images.imageSize();
    this.seed = seed;
    this.indices = new int[batchSize];
    this.augmentation = augmentation;
    if (images instanceof LabeledImages inMemory) {
      List<BatchAssembler> list = new ArrayList<>();
      for (int i = 0; i < samplers.size(); i++) {
        list.add(new BatchAssembler(inMemory, batchSize, augmentation));
      }
      this.assemblers = List.copyOf(list);
      this.files = null;
    } else if (images instanceof FileImages fileImages) {
      this.assemblers = List.of();
      this.files = fileImages;
      long slotBytes = (long) Float.BYTES * imagesPerStep() * imageSize;
      int depth =
          (int)
              Math.max(2, Math.min(fileImages.workers().threads() + 1, PREFETCH_BYTES / slotBytes));
      for (int i = 0; i < depth; i++) {
        free.add(
            new Slot(
                imagesPerStep(),
                imageSize,
                samplers.size(),
                batchSize,
                augmentation.isNone()
                    ? null
                    : new Augmenter(
                        augmentation, images.channels(), images.height(), images.width())));
      }
    } else {
      throw new IllegalArgumentException("cannot assemble batches of " + images.getClass());
    }
    startEpoch(1);
  }

  /** The batches {@code method} trains on. */
  public static SampledBatches forMethod(
      Method method,
      ImageSet train,
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
      ImageSet train, ClassGroups groups, int batchSize, long seed) {
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
    if (files != null && epoch == this.epoch && consumed == 0) {
      return; // already drawn and prefetching (the constructor starts epoch 1)
    }
    drain();
    for (BatchSampler s : samplers) {
      s.startEpoch(epoch - 1);
    }
    this.epoch = epoch;
    this.submitted = 0;
    this.consumed = 0;
    if (files == null) {
      augmentRandom = BatchSampler.epochRandom(seed ^ AUGMENT_STREAM, epoch - 1);
    } else {
      while (!free.isEmpty() && submitted < stepsPerEpoch()) {
        submit(free.poll());
      }
    }
  }

  @Override
  public void next(float[] pixels, int[] labels) {
    if (files == null) {
      for (int b = 0; b < samplers.size(); b++) {
        int n = samplers.get(b).next(indices);
        BatchAssembler assembler = assemblers.get(b);
        assembler.fill(indices, n, augmentRandom);
        System.arraycopy(assembler.pixels(), 0, pixels, b * batchSize * imageSize, n * imageSize);
        System.arraycopy(assembler.labels(), 0, labels, b * batchSize, n);
      }
      return;
    }
    if (pending.isEmpty()) {
      // more steps than the epoch has: draw on, as the in-memory path would
      submit(free.poll());
    }
    Slot slot = pending.poll();
    await(slot);
    System.arraycopy(slot.pixels, 0, pixels, 0, slot.pixels.length);
    System.arraycopy(slot.labels, 0, labels, 0, slot.labels.length);
    consumed++;
    if (submitted < stepsPerEpoch()) {
      submit(slot);
    } else {
      free.add(slot);
    }
  }

  /** Draws the next step's indices here, in order, and decodes them on a worker. */
  private void submit(Slot slot) {
    for (int b = 0; b < samplers.size(); b++) {
      slot.counts[b] = samplers.get(b).next(slot.drawn[b]);
    }
    int step = submitted++;
    Random rng = new Random(((seed ^ AUGMENT_STREAM) * 1_000_003L + epoch) * 1_000_003L + step);
    DecodeWorkers workers = files.workers();
    slot.work =
        workers.submit(
            () -> {
              for (int b = 0; b < samplers.size(); b++) {
                for (int i = 0; i < slot.counts[b]; i++) {
                  int row = b * batchSize + i;
                  int index = slot.drawn[b][i];
                  files.copyImage(index, slot.pixels, row * imageSize);
                  slot.labels[row] = files.label(index);
                  if (slot.augmenter != null) {
                    slot.augmenter.apply(slot.pixels, row * imageSize, rng);
                  }
                }
              }
              return null;
            });
    pending.add(slot);
  }

  private static void await(Slot slot) {
    try {
      slot.work.get();
    } catch (ExecutionException e) {
      throw DecodeWorkers.unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a batch", e);
    }
  }

  /**
   * Waits out batches still being prepared (a stopped epoch) and frees their slots. Not cancelled:
   * a cancelled task that has started keeps writing into its slot while {@code get()} returns at
   * once, so the slot's next batch would be overwritten; at most a few batches are waited for.
   */
  private void drain() {
    while (!pending.isEmpty()) {
      Slot slot = pending.poll();
      try {
        slot.work.get();
      } catch (ExecutionException e) {
        // the epoch they belonged to is over
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      free.add(slot);
    }
  }

  /** The augmentation these batches apply. */
  public Augmentation augmentation() {
    return augmentation;
  }

  @Override
  public void close() {
    drain();
  }
}
