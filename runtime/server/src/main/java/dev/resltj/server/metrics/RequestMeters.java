package dev.resltj.server.metrics;

import dev.resltj.server.models.ModelRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The request timers and error counters of both protocols, HTTP and gRPC: one histogram and one
 * counter per model, endpoint and status. The model label only ever holds names of served models,
 * so a client cannot grow the label set by inventing names.
 */
@Singleton
public final class RequestMeters {
  static final String REQUESTS = "reslt.requests";
  static final String ERRORS = "reslt.errors";

  private final MeterRegistry meters;
  private final ModelRegistry models;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
  private final Map<Key, Counter> errors = new ConcurrentHashMap<>();

  RequestMeters(MeterRegistry meters, ModelRegistry models) {
    this.meters = meters;
    this.models = models;
  }

  private record Key(String model, String endpoint, String status) {
    Tags tags() {
      return Tags.of("model", model, "endpoint", endpoint, "status", status);
    }
  }

  /**
   * Records one request.
   *
   * @param model the model name the client gave (kept only when it is a served model)
   * @param endpoint the route template or gRPC method
   * @param status the HTTP status code or gRPC status name
   * @param failed whether it counts as an error
   */
  public void record(String model, String endpoint, String status, boolean failed, long nanos) {
    String served = model != null && models.status(model).isPresent() ? model : "";
    Key key = new Key(served, endpoint, status);
    timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    if (failed) {
      errors.computeIfAbsent(key, this::errorCounter).increment();
    }
  }

  private Timer timer(Key key) {
    return Timer.builder(REQUESTS)
        .description(
            "Requests to the protocol endpoints (HTTP and gRPC), by model, endpoint and status")
        .tags(key.tags())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(meters);
  }

  private Counter errorCounter(Key key) {
    return Counter.builder(ERRORS)
        .description(
            "Error responses (HTTP 4xx and 5xx, gRPC other than OK), by model, endpoint and status")
        .tags(key.tags())
        .register(meters);
  }
}
