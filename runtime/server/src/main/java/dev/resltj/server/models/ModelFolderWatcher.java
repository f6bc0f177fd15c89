package dev.resltj.server.models;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the model folder at a fixed interval and tells the registry what changed.
 *
 * <p>Polling, not {@link java.nio.file.WatchService}: inotify misses changes on network and some
 * container mounts (a Kubernetes volume swaps a symlinked folder), and the JDK's watch service on
 * macOS polls anyway; a listing of a few files every couple of seconds costs nothing. The debounce
 * is the same for every way a file arrives: a file is acted on only when it looks the same (size,
 * time, identity) on two looks in a row, so a file still being copied in place is not loaded half
 * written. Written beside and renamed into place, it is complete on the first look and is loaded
 * one interval later.
 */
final class ModelFolderWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelFolderWatcher.class);

  private final Path folder;
  private final DirectoryModelRegistry registry;
  private final ScheduledExecutorService timer;
  private Map<String, FileVersion> previous; // confined to the timer thread after start

  private ModelFolderWatcher(Path folder, DirectoryModelRegistry registry) {
    this.folder = folder;
    this.registry = registry;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "model-folder-watch");
              t.setDaemon(true);
              return t;
            });
  }

  static ModelFolderWatcher start(Path folder, Duration interval, DirectoryModelRegistry registry) {
    ModelFolderWatcher watcher = new ModelFolderWatcher(folder, registry);
    watcher.previous = versions(ModelFolder.scan(folder)); // the first look compares
    long millis = interval.toMillis();
    watcher.timer.scheduleWithFixedDelay(watcher::look, millis, millis, TimeUnit.MILLISECONDS);
    return watcher;
  }

  private void look() {
    try {
      Map<String, Path> files = ModelFolder.scan(folder);
      Map<String, FileVersion> now = versions(files);
      Map<String, Optional<FileVersion>> known = registry.knownVersions();
      now.forEach(
          (name, version) -> {
            boolean settled = version.equals(previous.get(name));
            Optional<FileVersion> loaded = known.getOrDefault(name, Optional.empty());
            if (settled && !loaded.equals(Optional.of(version))) {
              registry.fileChanged(name, files.get(name), version);
            }
          });
      known.keySet().stream()
          .filter(name -> !now.containsKey(name) && !previous.containsKey(name))
          .forEach(registry::fileRemoved);
      previous = now;
    } catch (RuntimeException e) {
      // a folder briefly unreadable (being remounted) must not end the watch
      LOG.warn("could not look at the model folder {}: {}", folder, e.toString());
    }
  }

  private static Map<String, FileVersion> versions(Map<String, Path> files) {
    Map<String, FileVersion> versions = new HashMap<>();
    files.forEach((name, file) -> FileVersion.of(file).ifPresent(v -> versions.put(name, v)));
    return versions;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
