package dev.resltj.spark.executor;

import dev.resltj.runtime.ClassifierOptions;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.spark.ScoringOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The classifiers open in this JVM, one per model file and options. An executor runs many tasks,
 * one thread each, over its life; they all share one {@link ResltClassifier} (it is thread-safe),
 * so the model is read, parsed and warmed up once per executor rather than once per partition.
 */
public final class ExecutorClassifiers {
  private record Key(Path model, ClassifierOptions options) {}

  private static final Map<Key, ResltClassifier> OPEN = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private ExecutorClassifiers() {}

  /** The classifier for these options, opened on first use in this JVM. */
  public static ResltClassifier get(ScoringOptions options) {
    Key key = new Key(ModelLocation.resolve(options.model()), options.classifierOptions());
    return OPEN.computeIfAbsent(
        key,
        k -> {
          LOADS.incrementAndGet();
          return ResltClassifier.open(k.model(), k.options());
        });
  }

  /**
   * Closes every open classifier (each waits for calls in flight) and forgets it, so a later task
   * opens a fresh one. Called when the executor stops.
   *
   * @return how many were closed
   */
  public static int closeAll() {
    List<ResltClassifier> closing = new ArrayList<>();
    for (Key key : List.copyOf(OPEN.keySet())) {
      ResltClassifier classifier = OPEN.remove(key);
      if (classifier != null) {
        closing.add(classifier);
      }
    }
    RuntimeException failure = null;
    for (ResltClassifier classifier : closing) {
      try {
        classifier.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return closing.size();
  }

  /** Classifiers open now. */
  public static int openCount() {
    return OPEN.size();
  }

  /** Models opened by this JVM since it started: shows the model was not reloaded per partition. */
  public static int loadCount() {
    return LOADS.get();
  }
}
