package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final long SECOND = 1_000_000_000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong(0);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inALogTheFirstStepAndThenOneLineAMinuteAppear() {
    ProgressBar bar = new ProgressBar(out, ProgressBar.Mode.LOG, now::get);
    bar.startEpoch(1, 3);
    for (int step = 1; step <= 100; step++) {
      now.addAndGet(2 * SECOND);
      bar.afterStep(step, 100, 1.5, 0.25, 64);
    }
    bar.endEpoch();

    // steps end at 2 s (the first), 62 s, 122 s, 182 s; the last step (200 s) is the summary's
    assertThat(printed().lines())
        .containsExactly(
            "epoch 1/3 step 1/100 loss 1.5000 acc 25.00% 64 img/s, epoch ends in about 3 min",
            "epoch 1/3 step 31/100 loss 1.5000 acc 25.00% 64 img/s, epoch ends in about 2 min",
            "epoch 1/3 step 61/100 loss 1.5000 acc 25.00% 64 img/s, epoch ends in about 78 s",
            "epoch 1/3 step 91/100 loss 1.5000 acc 25.00% 64 img/s, epoch ends in about 18 s");
  }

  @Test
  void inALogAShortEpochAfterTheFirstAddsNothing() {
    ProgressBar bar = new ProgressBar(out, ProgressBar.Mode.LOG, now::get);
    for (int epoch = 1; epoch <= 2; epoch++) {
      bar.startEpoch(epoch, 2);
      for (int step = 1; step <= 10; step++) {
        now.addAndGet(SECOND);
        bar.afterStep(step, 10, 0.5, 0.9, 128);
      }
      bar.endEpoch();
    }

    assertThat(printed().lines()).hasSize(1).first().asString().startsWith("epoch 1/2 step 1/10");
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlaceAndClearedAtTheEnd() {
    ProgressBar bar = new ProgressBar(out, ProgressBar.Mode.TERMINAL, now::get);
    bar.startEpoch(2, 5);
    now.addAndGet(SECOND);
    bar.afterStep(1, 4, 0.7, 0.5, 100);
    bar.endEpoch();

    assertThat(printed()).startsWith("\repoch 2/5 [").contains("1/4 loss 0.7000").endsWith("\r");
    assertThat(printed()).doesNotContain("\n");
  }

  @Test
  void quietPrintsNothing() {
    ProgressBar bar = new ProgressBar(out, ProgressBar.Mode.OFF, now::get);
    bar.startEpoch(1, 1);
    now.addAndGet(120 * SECOND);
    bar.afterStep(1, 2, 0.7, 0.5, 100);
    bar.endEpoch();

    assertThat(printed()).isEmpty();
  }
}
