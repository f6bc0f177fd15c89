package dev.resltj.trainer.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradients of every objective must not depend on when the JVM collects garbage. Autograd keeps
 * the operands of a multiplication until backward; an operand whose memory is a Java direct buffer
 * (DJL's {@code mul(Number)} makes one and closes it at once) is freed by the collector in between,
 * and backward then reads whatever the allocator wrote there. This test collects garbage between
 * forward and backward, until the JVM has released its direct buffers, and asks for the same
 * gradients as without.
 */
class LossGradientUnderGcTest {
  private static final ClassGroups GROUPS =
      new ClassGroups(GroupThresholds.MNIST_LT, List.of(2000, 500, 50));

  static Stream<Method> methods() {
    return Stream.of(Method.values());
  }

  @ParameterizedTest
  @MethodSource("methods")
  void gradientsAreTheSameWhenGarbageIsCollectedBeforeBackward(Method method) throws Exception {
    float[] without = gradient(method, false);
    float[] with = gradient(method, true);
    assertThat(with).containsExactly(without);
  }

  private static float[] gradient(Method method, boolean collectBeforeBackward)
      throws InterruptedException {
    int rows = 12; // divisible by 3 for branch sampling
    int outputs = method.resltHead() ? 4 : 1;
    Random random = new Random(7);
    try (NDManager manager = NDManager.newBaseManager()) {
      List<NDArray> logits = new ArrayList<>();
      for (int i = 0; i < outputs; i++) {
        float[] values = new float[rows * 3];
        for (int v = 0; v < values.length; v++) {
          values[v] = (float) random.nextGaussian();
        }
        NDArray array = manager.create(values).reshape(rows, 3);
        array.setRequiresGradient(true);
        logits.add(array);
      }
      long[] labelValues = new long[rows];
      for (int r = 0; r < rows; r++) {
        labelValues[r] = r % 3;
      }
      NDArray labels = manager.create(labelValues);
      MethodLoss loss = method.newLoss(0.3, GROUPS);
      try (NDManager step = manager.newSubManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDList out = new NDList();
        out.addAll(logits);
        NDArray objective = loss.compute(out, labels);
        if (collectBeforeBackward) {
          releaseFreedDirectBuffers();
        }
        collector.backward(objective);
      }
      List<Float> all = new ArrayList<>();
      for (NDArray l : logits) {
        for (float g : l.getGradient().toFloatArray()) {
          all.add(g);
        }
      }
      float[] result = new float[all.size()];
      for (int i = 0; i < result.length; i++) {
        result[i] = all.get(i);
      }
      return result;
    }
  }

  /**
   * Collects garbage until the JVM's count of direct buffers stops falling, then reuses freed
   * memory with buffers full of a value no loss uses, as the rest of a training step would.
   */
  private static void releaseFreedDirectBuffers() throws InterruptedException {
    BufferPoolMXBean direct =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(p -> p.getName().equals("direct"))
            .findFirst()
            .orElseThrow();
    long before = Long.MAX_VALUE;
    for (int round = 0; round < 20 && direct.getCount() < before; round++) {
      before = direct.getCount();
      System.gc();
      Thread.sleep(20);
    }
    List<ByteBuffer> filler = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ByteBuffer b = ByteBuffer.allocateDirect(4 + (i % 8) * 4);
      while (b.hasRemaining()) {
        b.put((byte) 0x47);
      }
      filler.add(b);
    }
    assertThat(filler).hasSize(1000);
  }
}
