package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  @Test
  void aRequestIsSeenByTheLoop() {
    try (GracefulStop stop = GracefulStop.never()) {
      assertThat(stop.requested()).isFalse();
      stop.request();
      assertThat(stop.requested()).isTrue();
    }
  }

  @Test
  void closingRemovesTheHookAndIsIdempotent() {
    GracefulStop stop = GracefulStop.install(new PrintStream(new ByteArrayOutputStream()));
    stop.close();
    stop.close();
    assertThat(stop.requested()).isFalse();
  }
}
