package dev.resltj.server.classify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The classify endpoint ({@code reslt.classify.*}).
 *
 * @param defaultTopK classes returned when the request has no {@code top_k}
 * @param maxConcurrentDecodes images decoded at once; the rest wait. Bounds the memory of decoding:
 *     an image at the pixel limit (4096 x 4096) takes up to 64 MB while it is decoded, whatever its
 *     compressed size
 */
@ConfigurationProperties("reslt.classify")
public record ClassifySettings(
    @Bindable(defaultValue = "5") int defaultTopK,
    @Bindable(defaultValue = "2") int maxConcurrentDecodes) {
  public ClassifySettings {
    if (defaultTopK < 1) {
      throw new IllegalArgumentException(
          "reslt.classify.default-top-k must be at least 1, got " + defaultTopK);
    }
    if (maxConcurrentDecodes < 1) {
      throw new IllegalArgumentException(
          "reslt.classify.max-concurrent-decodes must be at least 1, got " + maxConcurrentDecodes);
    }
  }
}
