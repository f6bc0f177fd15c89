package dev.resltj.server.models;

import dev.resltj.runtime.ClassifierOptions;
import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.server.batching.BatchingPolicy;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every {@code .onnx} file of the model folder. The folder is scanned once at startup; the
 * models then load and warm up one after another on a background thread, so the server answers
 * liveness (and readiness 503) while they load. A model that fails is logged and stays failed; the
 * others are served.
 */
@Context
public final class DirectoryModelRegistry implements ModelRegistry, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryModelRegistry.class);

  private final ModelSettings settings;
  private final LimitSettings limits;
  private final BatchingSettings batching;
  private final ModelMetrics metrics;
  private final Map<String, Entry> entries; // fixed at construction, in name order
  private final Thread loader;
  private volatile boolean closing;

  public DirectoryModelRegistry(
      ModelSettings settings,
      LimitSettings limits,
      BatchingSettings batching,
      ModelMetrics metrics) {
    this.settings = settings;
    this.limits = limits;
    this.batching = batching;
    this.metrics = metrics;
    this.entries = discover(settings.dir());
    this.loader = new Thread(this::loadAll, "model-loader");
    this.loader.setDaemon(true);
  }

  private static Map<String, Entry> discover(String configured) {
    Path cwd = Path.of("").toAbsolutePath();
    Optional<Path> folder = ModelFolder.resolve(configured, cwd);
    if (folder.isEmpty()) {
      LOG.warn(
          "model folder '{}' not found (looked in {} and its parents): serving no models; set"
              + " reslt.models.dir or RESLT_MODELS_DIR",
          configured,
          cwd);
      return Map.of();
    }
    Map<String, Entry> found = new LinkedHashMap<>();
    ModelFolder.scan(folder.get()).forEach((name, file) -> found.put(name, new Entry(name, file)));
    if (found.isEmpty()) {
      LOG.warn("no .onnx files in the model folder {}: serving no models", folder.get());
    } else {
      LOG.info("model folder {}: {}", folder.get(), String.join(", ", found.keySet()));
    }
    return java.util.Collections.unmodifiableMap(found);
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (loader.getState() == Thread.State.NEW) {
      loader.start();
    }
  }

  private void loadAll() {
    for (Entry entry : entries.values()) {
      if (closing) {
        return;
      }
      load(entry);
    }
  }

  private void load(Entry entry) {
    long start = System.nanoTime();
    BatchingPolicy policy = batching.policyFor(entry.name);
    ClassifierOptions options =
        ClassifierOptions.builder()
            .intraOpThreads(settings.intraOpThreads())
            .maxImageSize(limits.maxImageWidth(), limits.maxImageHeight())
            .autoInvert(settings.autoInvert())
            .centreByMass(settings.centreByMass())
            .warmUp(true)
            .warmUpBatchSizes(warmUpSizes(policy))
            .build();
    ResltClassifier classifier;
    try {
      classifier = ResltClassifier.open(entry.file, options);
    } catch (ModelLoadException e) {
      LOG.error("model '{}' failed to load: {}", entry.name, e.getMessage());
      entry.state = ModelState.failed(e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.error("model '{}' failed to load", entry.name, e);
      entry.state = ModelState.failed(String.valueOf(e.getMessage()));
      return;
    }
    LoadedModel model =
        new LoadedModel(entry.name, classifier, policy, metrics.batchObserver(entry.name));
    synchronized (entry) {
      if (closing) {
        model.close();
        return;
      }
      entry.model = model;
      entry.state = ModelState.ready();
    }
    metrics.modelLoaded(model);
    LOG.info(
        "model '{}' ready in {} ms ({} classes, batching {}, warmed up at batch sizes 1..{})",
        entry.name,
        (System.nanoTime() - start) / 1_000_000,
        classifier.modelCard().classCount(),
        policy.mergeRequests() ? "on, up to " + policy.maxBatchSize() : "off",
        options.warmUpBatchSizes().size());
  }

  /** Every batch size the batcher can form gets one run, so no request meets a cold shape. */
  private static List<Integer> warmUpSizes(BatchingPolicy policy) {
    int largest = policy.mergeRequests() ? policy.maxBatchSize() : 1;
    return IntStream.rangeClosed(1, largest).boxed().toList();
  }

  @Override
  public List<ModelStatus> models() {
    List<ModelStatus> all = new ArrayList<>(entries.size());
    entries.values().forEach(e -> all.add(e.status()));
    return all;
  }

  @Override
  public Optional<ModelStatus> status(String name) {
    return Optional.ofNullable(entries.get(name)).map(Entry::status);
  }

  @Override
  public ModelStatus requireKnown(String name, Optional<String> version) {
    return entry(name, version).status();
  }

  @Override
  public LoadedModel require(String name, Optional<String> version) {
    Entry entry = entry(name, version);
    LoadedModel model = entry.model;
    if (model == null) {
      throw new ModelNotReadyException(name, entry.state);
    }
    return model;
  }

  private Entry entry(String name, Optional<String> version) {
    Entry entry = name == null ? null : entries.get(name);
    if (entry == null) {
      throw new UnknownModelException(name, entries.keySet());
    }
    if (version.isPresent() && !LoadedModel.VERSION.equals(version.get())) {
      throw new UnknownVersionException(name, version.get());
    }
    return entry;
  }

  @Override
  public boolean allReady() {
    return !entries.isEmpty() && entries.values().stream().allMatch(e -> e.state.isReady());
  }

  /** Stops loading, answers every queued request, frees every model. Idempotent. */
  @PreDestroy
  @Override
  public void close() {
    closing = true;
    if (loader.isAlive()) {
      try {
        loader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Entry entry : entries.values()) {
      LoadedModel model;
      synchronized (entry) {
        model = entry.model;
        entry.model = null;
      }
      if (model != null) {
        model.close();
      }
    }
  }

  /** A model file and what became of it. */
  private static final class Entry {
    final String name;
    final Path file;
    volatile ModelState state = ModelState.loading();
    volatile LoadedModel model;

    Entry(String name, Path file) {
      this.name = Objects.requireNonNull(name);
      this.file = Objects.requireNonNull(file);
    }

    ModelStatus status() {
      return new ModelStatus(name, file, state);
    }
  }
}
