package dev.resltj.server.metrics;

import dev.resltj.server.batching.BatchObserver;
import dev.resltj.server.models.BatchingSettings;
import dev.resltj.server.models.LoadedModel;
import dev.resltj.server.models.ModelMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Per-model batching metrics over Micrometer. */
@Singleton
final class MicrometerModelMetrics implements ModelMetrics {
  static final String BATCH_SIZE = "reslt.batch.size";
  static final String BATCH_RUN = "reslt.batch.run";
  static final String QUEUE = "reslt.queue.images";
  static final String REJECTIONS = "reslt.rejections";

  private final MeterRegistry meters;
  private final double[] batchBuckets;
  private final Map<String, AtomicReference<LoadedModel>> served = new ConcurrentHashMap<>();

  MicrometerModelMetrics(MeterRegistry meters, BatchingSettings batching) {
    this.meters = meters;
    // powers of two up to the largest batch, and the largest batch itself
    TreeSet<Double> buckets = new TreeSet<>();
    for (int b = 1; b < batching.maxBatchSize(); b *= 2) {
      buckets.add((double) b);
    }
    buckets.add((double) batching.maxBatchSize());
    this.batchBuckets = buckets.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public BatchObserver batchObserver(String model) {
    DistributionSummary size =
        DistributionSummary.builder(BATCH_SIZE)
            .description("Images per model run")
            .baseUnit("images")
            .tag("model", model)
            .serviceLevelObjectives(batchBuckets)
            .register(meters);
    Timer run =
        Timer.builder(BATCH_RUN)
            .description("Time of one model run (one batch)")
            .tag("model", model)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(5))
            .register(meters);
    Map<BatchObserver.Rejection, Counter> rejections = new EnumMap<>(BatchObserver.Rejection.class);
    for (BatchObserver.Rejection reason : BatchObserver.Rejection.values()) {
      rejections.put(
          reason,
          Counter.builder(REJECTIONS)
              .description("Requests refused (queue full, shutting down) or dropped (deadline)")
              .tag("model", model)
              .tag("reason", reason.name().toLowerCase(Locale.ROOT))
              .register(meters));
    }
    return new BatchObserver() {
      @Override
      public void batchRan(int requests, int items, long runNanos) {
        size.record(items);
        run.record(runNanos, TimeUnit.NANOSECONDS);
      }

      @Override
      public void rejected(Rejection reason) {
        rejections.get(reason).increment();
      }
    };
  }

  @Override
  public void modelLoaded(LoadedModel model) {
    current(model.name()).set(model);
  }

  @Override
  public void modelUnloaded(String model) {
    current(model).set(null);
  }

  /**
   * The model a name's queue gauge reads: registered once per name, it follows reloads instead of
   * keeping the first model (Micrometer keeps the first registration of a name and tags).
   */
  private AtomicReference<LoadedModel> current(String name) {
    return served.computeIfAbsent(
        name,
        n -> {
          AtomicReference<LoadedModel> ref = new AtomicReference<>();
          Gauge.builder(
                  QUEUE,
                  ref,
                  r -> {
                    LoadedModel m = r.get();
                    return m == null ? 0 : m.queuedImages();
                  })
              .description("Images waiting in the model's batching queue")
              .tag("model", n)
              .strongReference(true)
              .register(meters);
          return ref;
        });
  }
}
