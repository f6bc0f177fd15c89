package dev.resltj.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Grpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A slow model behind a queue of 2 images: over gRPC, surplus calls get UNAVAILABLE at once (REST:
 * 503) and admitted ones that wait past the deadline get DEADLINE_EXCEEDED (REST: 504); nothing is
 * UNKNOWN.
 */
@MicronautTest
class GrpcOverloadTest extends FixtureServerTest {
  @Inject GrpcServer grpcServer;

  GrpcOverloadTest() {
    super(
        Map.of("slow.onnx", FixtureModels.slowProbe(200)),
        Map.of(
            "reslt.batching.max-queue-size", "2",
            "reslt.batching.max-batch-size", "1",
            "reslt.batching.workers", "1",
            "reslt.batching.deadline", "1ms"),
        Duration.ofSeconds(60));
  }

  @Test
  void surplusCallsAreUnavailableAndLateOnesDeadlineExceeded() throws Exception {
    int clients = 24;
    Map<Status.Code, Integer> seen = new EnumMap<>(Status.Code.class);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (Grpc grpc = new Grpc(grpcServer.port())) {
      List<Future<Status.Code>> calls = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int c = i % 10;
        calls.add(
            pool.submit(
                () -> {
                  try {
                    grpc.stub.modelInfer(
                        Grpc.infer("slow", FixtureModels.probeImage(c, 255)).build());
                    return Status.Code.OK;
                  } catch (StatusRuntimeException e) {
                    return e.getStatus().getCode();
                  }
                }));
      }
      for (Future<Status.Code> f : calls) {
        seen.merge(f.get(120, TimeUnit.SECONDS), 1, Integer::sum);
      }
    } finally {
      pool.shutdownNow();
    }

    assertTrue(seen.containsKey(Status.Code.DEADLINE_EXCEEDED), seen.toString());
    seen.remove(Status.Code.DEADLINE_EXCEEDED);
    seen.remove(Status.Code.UNAVAILABLE);
    seen.remove(Status.Code.OK);
    assertEquals(Map.of(), seen, "statuses other than DEADLINE_EXCEEDED, UNAVAILABLE and OK");
  }
}
