package dev.resltj.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.loss.Method;
import dev.resltj.trainer.loss.MethodLoss;
import dev.resltj.trainer.model.BranchStyle;
import dev.resltj.trainer.model.InputSpec;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.model.NetworkSpec;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures training images/s of the real step loop on synthetic data (MNIST-sized unless asked
 * otherwise) with MNIST-LT's class counts, for the throughput benchmark ({@code
 * trainer/bench/throughput.sh}) and the network figures of docs/training.md. Usage: {@code
 * ThroughputProbe [network] [method] [batch] [warm-up steps] [timed steps] [channels] [size]
 * [width]}; prints a line {@code images_per_second=...} and a line {@code ms_per_step ...} with the
 * wall time of each part of a step (forward, backward, optimiser, ...). Thread counts come from
 * DJL's system properties, as in a real run.
 */
public final class ThroughputProbe {
  private static final List<Integer> MNIST_LT =
      List.of(42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67);

  private ThroughputProbe() {}

  public static void main(String[] args) {
    String network = args.length > 0 ? args[0] : NetworkPresets.REFERENCE;
    Method method = Method.fromId(args.length > 1 ? args[1] : "reslt");
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 128;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int timed = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    int channels = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    int size = args.length > 6 ? Integer.parseInt(args[6]) : 28;
    int width = args.length > 7 ? Integer.parseInt(args[7]) : NetworkPresets.defaultWidth(network);

    ClassGroups groups = new ClassGroups(GroupThresholds.MNIST_LT, MNIST_LT);
    BranchStyle style =
        method.resltHead()
            ? (network.equals(NetworkPresets.REFERENCE) ? BranchStyle.SEPARATE : BranchStyle.PAPER)
            : BranchStyle.SINGLE;
    InputSpec input =
        new InputSpec(
            channels,
            size,
            size,
            255f,
            Collections.nCopies(channels, 0.5f),
            Collections.nCopies(channels, 0.25f));
    NetworkSpec spec = NetworkPresets.named(network, style, input, MNIST_LT.size(), width);
    Engine.getInstance().setRandomSeed(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(spec, manager);
      MethodLoss loss = method.newLoss(0.5, groups);
      int perStep = method.sampling() == Method.Sampling.PER_BRANCH ? 3 * batch : batch;
      OptimizerSettings adam = new OptimizerSettings(OptimizerSettings.Kind.ADAM, 0, 0, false);
      try (ParameterUpdater updater =
          ParameterUpdater.create(adam, block.getParameters().values(), manager)) {
        LearningRateSchedule schedule =
            new LearningRateSchedule(
                LearningRateSchedule.Kind.CONSTANT, 1e-3, 0, warmUp + timed, List.of(), 1);
        TrainingLoop loop =
            new TrainingLoop(
                block,
                manager,
                spec.input(),
                loss,
                updater,
                schedule,
                randomBatches(perStep, channels * size * size));
        loop.runEpoch(1, warmUp, StepListener.NONE, GracefulStop.never());
        StepPhases.Totals phases = new StepPhases.Totals();
        EpochStats stats = loop.runEpoch(2, timed, StepListener.NONE, GracefulStop.never(), phases);
        System.out.printf(
            Locale.ROOT,
            "images_per_second=%.1f steps=%d batch=%d seconds=%.3f loss=%.4f%n",
            stats.imagesPerSecond(),
            timed,
            perStep,
            stats.seconds(),
            stats.meanLoss());
        StringBuilder line = new StringBuilder("ms_per_step");
        phases
            .millis()
            .forEach(
                (phase, ms) ->
                    line.append(
                        String.format(
                            Locale.ROOT,
                            " %s=%.3f",
                            phase.name().toLowerCase(Locale.ROOT),
                            ms / timed)));
        System.out.println(line);
      }
    }
  }

  /** Uniform random pixels; labels drawn with MNIST-LT's class frequencies. */
  private static BatchSource randomBatches(int perStep, int imageSize) {
    int total = MNIST_LT.stream().mapToInt(Integer::intValue).sum();
    return new BatchSource() {
      private final SplittableRandom random = new SplittableRandom(7);

      @Override
      public int imagesPerStep() {
        return perStep;
      }

      @Override
      public int imageSize() {
        return imageSize;
      }

      @Override
      public void startEpoch(int epoch) {}

      @Override
      public void next(float[] pixels, int[] labels) {
        for (int i = 0; i < perStep * imageSize; i++) {
          pixels[i] = random.nextInt(256);
        }
        for (int i = 0; i < perStep; i++) {
          int pick = random.nextInt(total);
          int c = 0;
          while (pick >= MNIST_LT.get(c)) {
            pick -= MNIST_LT.get(c);
            c++;
          }
          labels[i] = c;
        }
      }
    };
  }
}
