package dev.resltj.server.models;

import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.TensorSpec;
import dev.resltj.server.batching.BatchObserver;
import dev.resltj.server.batching.BatchingPolicy;
import dev.resltj.server.batching.DynamicBatcher;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A model that is loaded and warm: its classifier and the batcher every request goes through. */
public final class LoadedModel implements AutoCloseable {
  /** Each file is one model version; the protocol still names it. */
  public static final String VERSION = "1";

  private final String name;
  private final ResltClassifier classifier;
  private final DynamicBatcher<ImageRows, RequestResult> batcher;

  LoadedModel(
      String name, ResltClassifier classifier, BatchingPolicy policy, BatchObserver observer) {
    this.name = name;
    this.classifier = classifier;
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
   * Queues images for the model; completes on a batcher thread with every output for exactly these
   * images.
   *
   * @throws dev.resltj.server.batching.QueueFullException at once when the queue is full
   */
  public CompletableFuture<RequestResult> run(ImageRows images) {
    return batcher.submit(images, images.count());
  }

  /**
   * Announces a request for this model that is being read (parsed or decoded), so that a run being
   * formed may wait for it; queue it with {@link Incoming#run} and close it in any case.
   */
  public Incoming announce() {
    return new Incoming(batcher.announce());
  }

  /** A request on its way to the model's queue. */
  public static final class Incoming implements AutoCloseable {
    private final DynamicBatcher<ImageRows, RequestResult>.Arrival arrival;

    private Incoming(DynamicBatcher<ImageRows, RequestResult>.Arrival arrival) {
      this.arrival = arrival;
    }

    /** Queues the images; see {@link LoadedModel#run}. */
    public CompletableFuture<RequestResult> run(ImageRows images) {
      return arrival.submit(images, images.count());
    }

    @Override
    public void close() {
      arrival.close();
    }
  }

  /** Images waiting in this model's queue. */
  public int queuedImages() {
    return batcher.queuedItems();
  }

  /** The batching policy this model runs with. */
  public BatchingPolicy batching() {
    return batcher.policy();
  }

  /** Answers every queued request, then frees the model. */
  @Override
  public void close() {
    try {
      batcher.close();
    } finally {
      classifier.close();
    }
  }
}
