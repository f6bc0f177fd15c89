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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every {@code .onnx} file of the model folder. The folder is scanned at startup; the models
 * then load and warm up one after another on a background thread, so the server answers liveness
 * (and readiness 503) while they load. A model that fails is logged and marked failed; the others
 * are served.
 *
 * <p>Loads, reloads and unloads (from the repository API or the folder watch) run one at a time on
 * that same thread. A reload opens and warms the new file beside the running model and swaps it in
 * when ready; the old one finishes its requests and is closed by its last one (see {@link
 * LoadedModel}). A reload that fails leaves the old model serving, with the reason in its status.
 */
@Context
public final class DirectoryModelRegistry implements ModelRegistry, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryModelRegistry.class);

  private final ModelSettings settings;
  private final LimitSettings limits;
  private final BatchingSettings batching;
  private final ModelMetrics metrics;
  private final Optional<Path> folder;
  private final Map<String, Entry> entries = new ConcurrentSkipListMap<>(); // in name order
  private final ExecutorService loader = singleThread("model-loader");
  private final ExecutorService closer = singleThread("model-closer");
  private final Set<LoadedModel> retired = ConcurrentHashMap.newKeySet(); // until they close
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile ModelFolderWatcher watcher;
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
    this.folder = findFolder(settings.dir());
    folder.ifPresent(
        dir -> {
          ModelFolder.scan(dir)
              .forEach((name, file) -> entries.put(name, new Entry(name, file, true)));
          if (entries.isEmpty()) {
            LOG.warn("no .onnx files in the model folder {}: serving no models", dir);
          } else {
            LOG.info("model folder {}: {}", dir, String.join(", ", entries.keySet()));
          }
        });
  }

  private static Optional<Path> findFolder(String configured) {
    Path cwd = Path.of("").toAbsolutePath();
    Optional<Path> folder = ModelFolder.resolve(configured, cwd);
    if (folder.isEmpty()) {
      LOG.warn(
          "model folder '{}' not found (looked in {} and its parents): serving no models; set"
              + " reslt.models.dir or RESLT_MODELS_DIR",
          configured,
          cwd);
    }
    return folder;
  }

  private static ExecutorService singleThread(String name) {
    return Executors.newSingleThreadExecutor(
        runnable -> {
          Thread t = new Thread(runnable, name);
          t.setDaemon(true);
          return t;
        });
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    entries.values().forEach(entry -> submit(entry.name, () -> loadNow(entry)));
    if (settings.watch() && folder.isPresent()) {
      watcher = ModelFolderWatcher.start(folder.get(), settings.watchInterval(), this);
      LOG.info(
          "watching the model folder {} every {} ms: new and replaced .onnx files are loaded,"
              + " removed ones unloaded",
          folder.get(),
          settings.watchInterval().toMillis());
    }
  }

  // ---- serving ----

  @Override
  public List<ModelStatus> models() {
    List<ModelStatus> all = new ArrayList<>(entries.size());
    entries.values().forEach(e -> all.add(e.status()));
    return all;
  }

  @Override
  public Optional<ModelStatus> status(String name) {
    return Optional.ofNullable(name == null ? null : entries.get(name)).map(Entry::status);
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

  @Override
  public LoadedModel.Incoming announce(String name, Optional<String> version) {
    while (true) {
      // a model that refuses the hold was retired after its successor (or null) was put in place:
      // the next look sees that
      Optional<LoadedModel.Incoming> incoming = require(name, version).tryAnnounce();
      if (incoming.isPresent()) {
        return incoming.get();
      }
      Thread.onSpinWait();
    }
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
    boolean anyReady = false;
    for (Entry e : entries.values()) {
      switch (e.state.phase()) {
        case READY -> anyReady = true;
        case UNLOADED -> {}
        default -> {
          if (e.foundAtStartup) {
            return false;
          }
        }
      }
    }
    return anyReady;
  }

  // ---- control ----

  @Override
  public CompletableFuture<ModelStatus> load(String name) {
    Entry known = entries.get(name);
    Path file = known != null ? known.file : fileInFolder(name);
    return submit(name, () -> loadNow(entryFor(name, file)));
  }

  @Override
  public CompletableFuture<ModelStatus> unload(String name) {
    entry(name, Optional.empty()); // unknown names fail at once
    return submit(
        name,
        () -> unloadNow(entry(name, Optional.empty()), "unloaded through the repository API"));
  }

  /** The watch saw a new or changed file, stable since its last look. */
  void fileChanged(String name, Path file, FileVersion version) {
    entryFor(name, file).version =
        Optional.of(version); // seen: not reported again until it changes
    LOG.info("model file {} is new or changed: loading it", file);
    submit(name, () -> loadNow(entryFor(name, file)))
        .exceptionally(failure -> null); // logged and in the model's status already
  }

  /** The watch saw a model's file gone: unload it and forget the name. */
  void fileRemoved(String name) {
    Entry entry = entries.get(name);
    if (entry == null) {
      return;
    }
    LOG.info("model file {} was removed: unloading model '{}'", entry.file, name);
    submit(
            name,
            () -> {
              if (!entries.remove(name, entry)) {
                return entry.status(); // removed already (the watch reported it twice)
              }
              return unloadNow(entry, "its file was removed");
            })
        .exceptionally(failure -> null);
  }

  /**
   * The entry of a name, made when the name is new. Tasks look it up when they run, so a load
   * queued behind the removal of the same name makes a new entry instead of filling the removed
   * one.
   */
  private Entry entryFor(String name, Path file) {
    return entries.computeIfAbsent(name, n -> new Entry(n, file, false));
  }

  /** The version of each model's file that was last loaded or seen by the watch, by name. */
  Map<String, Optional<FileVersion>> knownVersions() {
    Map<String, Optional<FileVersion>> versions = new HashMap<>();
    entries.values().forEach(e -> versions.put(e.name, e.version));
    return versions;
  }

  private Path fileInFolder(String name) {
    Map<String, Path> files = folder.map(ModelFolder::scan).orElse(Map.of());
    Path file = files.get(name); // names are matched against the listing, never made into paths
    if (file == null) {
      throw new UnknownModelException(name, files.keySet());
    }
    return file;
  }

  private CompletableFuture<ModelStatus> submit(String name, Supplier<ModelStatus> task) {
    CompletableFuture<ModelStatus> done = new CompletableFuture<>();
    try {
      loader.execute(
          () -> {
            try {
              done.complete(task.get());
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(new RegistryClosedException(name));
    }
    return done;
  }

  private ModelStatus loadNow(Entry entry) {
    if (closing) {
      throw new RegistryClosedException(entry.name);
    }
    long start = System.nanoTime();
    entry.version = FileVersion.of(entry.file);
    synchronized (entry) {
      if (entry.model == null) {
        entry.state = ModelState.loading();
      }
    }
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
      throw failed(entry, e.getMessage(), null);
    } catch (RuntimeException e) {
      throw failed(entry, String.valueOf(e.getMessage()), e);
    }
    LoadedModel model =
        new LoadedModel(
            entry.name, classifier, policy, metrics.batchObserver(entry.name), this::closeRetired);
    LoadedModel old;
    synchronized (entry) {
      if (closing) {
        model.close();
        throw new RegistryClosedException(entry.name);
      }
      old = entry.model;
      entry.model = model;
      entry.state = ModelState.ready();
    }
    metrics.modelLoaded(model);
    if (old != null) {
      retire(old); // closes once the requests it still holds are answered
    }
    LOG.info(
        "model '{}' {} in {} ms ({} classes, batching {}, warmed up at batch sizes 1..{})",
        entry.name,
        old == null ? "ready" : "replaced",
        (System.nanoTime() - start) / 1_000_000,
        classifier.modelCard().classCount(),
        policy.mergeRequests() ? "on, up to " + policy.maxBatchSize() : "off",
        options.warmUpBatchSizes().size());
    return entry.status();
  }

  private void closeRetired(Runnable close) {
    closer.execute(
        () -> {
          close.run();
          retired.removeIf(LoadedModel::isClosed);
        });
  }

  private void retire(LoadedModel model) {
    retired.add(model);
    model.retire();
  }

  private ModelLoadFailedException failed(Entry entry, String reason, RuntimeException cause) {
    boolean serving;
    synchronized (entry) {
      serving = entry.model != null;
      entry.state =
          serving
              ? ModelState.readyDespite(
                  "loading the new file failed, still serving the one loaded before: " + reason)
              : ModelState.failed(reason);
    }
    if (cause != null) {
      LOG.error("model '{}' failed to load", entry.name, cause);
    } else if (serving) {
      LOG.error(
          "model '{}': the new file failed to load, still serving the one loaded before: {}",
          entry.name,
          reason);
    } else {
      LOG.error("model '{}' failed to load: {}", entry.name, reason);
    }
    return new ModelLoadFailedException(entry.name, reason);
  }

  private ModelStatus unloadNow(Entry entry, String reason) {
    LoadedModel old;
    synchronized (entry) {
      old = entry.model;
      entry.model = null;
      entry.state = ModelState.unloaded(reason);
    }
    if (old != null) {
      metrics.modelUnloaded(entry.name);
      retire(old);
      LOG.info("model '{}' unloaded ({}); requests in progress finish first", entry.name, reason);
    }
    return entry.status();
  }

  /** Every batch size the batcher can form gets one run, so no request meets a cold shape. */
  private static List<Integer> warmUpSizes(BatchingPolicy policy) {
    int largest = policy.mergeRequests() ? policy.maxBatchSize() : 1;
    return IntStream.rangeClosed(1, largest).boxed().toList();
  }

  /** Stops loading and watching, answers every queued request, frees every model. Idempotent. */
  @PreDestroy
  @Override
  public void close() {
    closing = true;
    ModelFolderWatcher w = watcher;
    if (w != null) {
      w.close();
    }
    loader.shutdown();
    awaitQuietly(loader); // a load in progress cannot be interrupted inside ONNX Runtime
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
    retired.forEach(LoadedModel::close); // still answering requests: close() answers them first
    closer.shutdown();
    awaitQuietly(closer);
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("gave up waiting for {} after a minute", executor);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A model file and what became of it. */
  private static final class Entry {
    final String name;
    final Path file;
    final boolean foundAtStartup; // only these decide readiness
    volatile ModelState state = ModelState.loading();
    volatile LoadedModel model;
    volatile Optional<FileVersion> version;

    Entry(String name, Path file, boolean foundAtStartup) {
      this.name = Objects.requireNonNull(name);
      this.file = Objects.requireNonNull(file);
      this.foundAtStartup = foundAtStartup;
      this.version = FileVersion.of(file);
    }

    ModelStatus status() {
      return new ModelStatus(name, file, state);
    }
  }
}
