package dev.resltj.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.resltj.runtime.ModelCard;
import dev.resltj.server.models.LoadedModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code GET /v1/models/{name}}: the model card's key facts, for people and the web page.
 *
 * @param name the model's name in URLs
 * @param version its version
 * @param labels one label per class index
 * @param classCounts training images per class (empty when unknown)
 * @param groups which classes are head, medium and tail (absent when unknown)
 * @param input the image the model expects
 * @param method how it was trained ({@code reslt}, {@code ce}, ...)
 * @param alpha the ResLT alpha
 * @param branchStyle {@code paper}, {@code separate} or {@code single}
 * @param metrics its test metrics
 * @param batching how its requests are batched
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ModelInfo")
public record ModelInfo(
    String name,
    String version,
    List<String> labels,
    @JsonProperty("class_counts") List<Integer> classCounts,
    @Nullable Groups groups,
    Input input,
    @Nullable String method,
    @Nullable Double alpha,
    @Nullable @JsonProperty("branch_style") String branchStyle,
    @Nullable Metrics metrics,
    Batching batching) {

  /** Class indices per long-tail group and the training-count thresholds that made them. */
  @Serdeable
  public record Groups(
      List<Integer> head,
      List<Integer> medium,
      List<Integer> tail,
      @JsonProperty("tail_max") int tailMax,
      @JsonProperty("medium_max") int mediumMax) {}

  /**
   * The image the model expects; {@code image_kind} ({@code drawing} or {@code photo}) tells the
   * web page whether to offer the drawing pad or a photo drop.
   */
  @Serdeable
  public record Input(
      int channels,
      int height,
      int width,
      @JsonProperty("value_min") float valueMin,
      @JsonProperty("value_max") float valueMax,
      String polarity,
      @JsonProperty("image_kind") String imageKind) {}

  /** Test metrics recorded when the model was exported, fractions in [0, 1]. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metrics(
      String dataset,
      long images,
      @Nullable Double top1,
      @Nullable Double balanced,
      @Nullable Double head,
      @Nullable Double medium,
      @Nullable Double tail) {}

  /** How the server batches this model's requests. */
  @Serdeable
  public record Batching(
      boolean enabled,
      @JsonProperty("max_batch_size") int maxBatchSize,
      @JsonProperty("max_queue_size") int maxQueueSize) {}

  public static ModelInfo of(LoadedModel model) {
    ModelCard card = model.card();
    ModelCard.Input in = card.input();
    return new ModelInfo(
        model.name(),
        model.version(),
        card.labels(),
        card.classCounts(),
        card.groups()
            .map(g -> new Groups(g.head(), g.medium(), g.tail(), g.tailMax(), g.mediumMax()))
            .orElse(null),
        new Input(
            in.channels(),
            in.height(),
            in.width(),
            in.valueMin(),
            in.valueMax(),
            in.polarity().id(),
            in.imageKind().id()),
        card.method().orElse(null),
        orNull(card.alpha()),
        card.branchStyle().orElse(null),
        card.metrics()
            .map(
                m ->
                    new Metrics(
                        m.dataset(),
                        m.images(),
                        orNull(m.top1()),
                        orNull(m.balanced()),
                        orNull(m.head()),
                        orNull(m.medium()),
                        orNull(m.tail())))
            .orElse(null),
        new Batching(
            model.batching().mergeRequests(),
            model.batching().maxBatchSize(),
            model.batching().maxQueueSize()));
  }

  private static Double orNull(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
