package dev.resltj.server.classify;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.postprocess.TopK;
import dev.resltj.server.error.InvalidRequestException;
import dev.resltj.server.models.ImageRows;
import dev.resltj.server.models.LoadedModel;
import dev.resltj.server.models.ModelRegistry;
import dev.resltj.server.models.RequestResult;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Decodes an uploaded image, runs it through the model's batcher, returns the top classes. */
@Singleton
public final class ClassifyService {
  private final ModelRegistry registry;
  private final ClassifySettings settings;
  private final Semaphore decodes;

  ClassifyService(ModelRegistry registry, ClassifySettings settings) {
    this.registry = registry;
    this.settings = settings;
    this.decodes = new Semaphore(settings.maxConcurrentDecodes());
  }

  /**
   * Classifies one encoded image. Decodes on the calling thread: call it off the event loop.
   *
   * @param topK classes to return, or empty for the configured default; capped at the class count
   */
  public CompletableFuture<ClassifyResponse> classify(
      String modelName, byte[] image, Optional<Integer> topK) {
    long start = System.nanoTime();
    registry.require(modelName, Optional.empty()); // 404 or 503 before any complaint about the body
    int k = topK.orElse(settings.defaultTopK());
    if (k < 1) {
      throw new InvalidRequestException("top_k is " + k + ": expected at least 1");
    }
    if (image == null || image.length == 0) {
      throw new InvalidRequestException(
          "the image is empty: send PNG, JPEG, BMP or GIF bytes as the body or as a multipart"
              + " file");
    }
    try (LoadedModel.Incoming incoming = registry.announce(modelName, Optional.empty())) {
      LoadedModel model = incoming.model();
      ImageRows rows;
      decodes.acquireUninterruptibly(); // this runs on the blocking pool: waiting is fine here
      try {
        rows = model.prepare(image);
      } finally {
        decodes.release();
      }
      return incoming.run(rows).thenApply(outputs -> respond(model, outputs, k, start));
    }
  }

  private static ClassifyResponse respond(
      LoadedModel model, RequestResult outputs, int k, long startNanos) {
    float[] probabilities = probabilities(model, outputs);
    ModelCard card = model.card();
    int classes = probabilities.length;
    List<ClassPrediction> predictions = new ArrayList<>();
    for (int index : TopK.select(probabilities, 0, classes, Math.min(k, classes))) {
      String label = index < card.classCount() ? card.labels().get(index) : "class_" + index;
      String group = card.groupOf(index).map(ClassGroup::id).orElse(null);
      predictions.add(new ClassPrediction(label, index, probabilities[index], group));
    }
    double millis = Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
    return new ClassifyResponse(model.name(), predictions, millis);
  }

  /** The class probabilities by the runtime's rule, from the output the runtime reads. */
  private static float[] probabilities(LoadedModel model, RequestResult outputs) {
    float[] scores =
        outputs
            .get(model.scoresOutput())
            .orElseThrow(() -> new IllegalStateException("no output " + model.scoresOutput()))
            .values();
    return model.scoresToProbabilities().of(scores, scores.length);
  }
}
