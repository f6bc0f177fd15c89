package dev.resltj.server.models;

import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.TensorSpec;
import dev.resltj.runtime.postprocess.ClassProbabilities;
import dev.resltj.server.batching.BatchObserver;
import dev.resltj.server.batching.BatchingPolicy;
import dev.resltj.server.batching.DynamicBatcher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model that is loaded and warm: its classifier and the batcher every request goes through.
 *
 * <p>Counted holds keep a replaced or unloaded model open while requests still use it: the registry
 * holds one until it {@link #retire()}s the model, and every request one from {@link
 * #tryAnnounce()} until its answer is complete. The last hold to go closes the model on the
 * closer's thread (never on a batcher thread, which the close waits for). A request that comes too
 * late to take a hold gets none and asks the registry again, which by then has the model's
 * successor.
 */
public final class LoadedModel implements AutoCloseable {
  /** Each file is one model version; the protocol still names it. */
  public static final String VERSION = "1";

  private final String name;
  private final ResltClassifier classifier;
  private final DynamicBatcher<ImageRows, RequestResult> batcher;
  private final Executor closer;
  private final AtomicInteger holds = new AtomicInteger(1); // the registry's own
  private final AtomicBoolean retired = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  LoadedModel(
      String name,
      ResltClassifier classifier,
      BatchingPolicy policy,
      BatchObserver observer,
      Executor closer) {
    this.name = name;
    this.classifier = classifier;
    this.closer = closer;
    this.batcher =
        DynamicBatcher.start(
            "model '" + name + "'", policy, new ModelBatchHandler(classifier), observer);
  }

  public String name() {
    return name;
  }

  public String version() {
    return VERSION;
  }

  public ModelCard card() {
    return classifier.modelCard();
  }

  /** The input tensor: name and shape {@code [-1, C, H, W]}. */
  public TensorSpec input() {
    return classifier.input();
  }

  /** The float32 outputs, in the model's order. */
  public List<TensorSpec> outputs() {
    return classifier.outputs();
  }

  /** The output the runtime reads predictions from (ResltClassifier#scoresOutput). */
  public String scoresOutput() {
    return classifier.scoresOutput();
  }

  /** How rows of {@link #scoresOutput()} become class probabilities. */
  public ClassProbabilities scoresToProbabilities() {
    return classifier.scoresToProbabilities();
  }

  /** Values per image: C x H x W. */
  public int imageSize() {
    return classifier.imageSize();
  }

  /**
   * Decodes and prepares an encoded image into one input row. CPU work: call it off the event loop.
   *
   * @throws dev.resltj.runtime.UnsupportedImageException when the bytes are not a supported image
   * @throws dev.resltj.runtime.ImageTooLargeException when the header declares too many pixels
   */
  public ImageRows prepare(byte[] encodedImage) {
    return ImageRows.of(classifier.prepare(encodedImage), 1, imageSize());
  }

  /**
   * Announces a request for this model that is being read (parsed or decoded), so that a run being
   * formed may wait for it, and holds the model open until the request is answered; queue it with
   * {@link Incoming#run} and close it in any case.
   *
   * @return empty when the model was retired and has closed or is closing: ask the registry again
   */
  Optional<Incoming> tryAnnounce() {
    int n;
    do {
      n = holds.get();
      if (n == 0) {
        return Optional.empty();
      }
    } while (!holds.compareAndSet(n, n + 1));
    return Optional.of(new Incoming(this, batcher.announce()));
  }

  /**
   * Drops the registry's hold: the model closes once the requests that hold it are answered.
   * Idempotent.
   */
  void retire() {
    if (retired.compareAndSet(false, true)) {
      release();
    }
  }

  private void release() {
    if (holds.decrementAndGet() == 0) {
      try {
        closer.execute(this::close);
      } catch (RejectedExecutionException e) {
        close(); // the registry is shutting down and closes what is left itself
      }
    }
  }

  /** A request on its way to the model's queue, holding the model open. */
  public static final class Incoming implements AutoCloseable {
    private final LoadedModel model;
    private final DynamicBatcher<ImageRows, RequestResult>.Arrival arrival;
    private boolean held = true; // confined to the caller's thread

    private Incoming(LoadedModel model, DynamicBatcher<ImageRows, RequestResult>.Arrival arrival) {
      this.model = model;
      this.arrival = arrival;
    }

    /** The model this request runs on. */
    public LoadedModel model() {
      return model;
    }

    /**
     * Queues the images; completes on a batcher thread with every output for exactly these images.
     * The hold passes to the answer: it ends when the returned future completes.
     *
     * @throws dev.resltj.server.batching.QueueFullException at once when the queue is full
     */
    public CompletableFuture<RequestResult> run(ImageRows images) {
      if (!held) {
        throw new IllegalStateException("this request was already queued or closed");
      }
      held = false;
      CompletableFuture<RequestResult> answer;
      try {
        answer = arrival.submit(images, images.count());
      } catch (RuntimeException e) {
        model.release();
        throw e;
      }
      answer.whenComplete((result, failure) -> model.release());
      return answer;
    }

    /** Stops announcing the request and lets go of the model if it was never queued. */
    @Override
    public void close() {
      arrival.close();
      if (held) {
        held = false;
        model.release();
      }
    }
  }

  /** Whether the model was closed (its session freed). */
  boolean isClosed() {
    return closed.get();
  }

  /** Images waiting in this model's queue. */
  public int queuedImages() {
    return batcher.queuedItems();
  }

  /** The batching policy this model runs with. */
  public BatchingPolicy batching() {
    return batcher.policy();
  }

  /**
   * Answers every queued request, waits for runs in progress, then frees the model. Idempotent. The
   * registry calls it directly only on shutdown; otherwise the last hold does.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      batcher.close();
    } finally {
      classifier.close();
    }
  }
}
