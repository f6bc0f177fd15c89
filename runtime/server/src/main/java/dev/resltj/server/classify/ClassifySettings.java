package dev.resltj.server.classify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The classify endpoint ({@code reslt.classify.*}).
 *
 * @param defaultTopK classes returned when the request has no {@code top_k}
 * @param maxConcurrentDecodes images decoded at once; the rest wait. Bounds the memory of decoding:
 *     an image at the pixel limit (4096 x 4096) takes over 100 MB while it is decoded and prepared,
 *     whatever its compressed size (a 200 KB PNG can be one), so two at once do not fit a 256 MB
 *     heap. One at a time costs small images nothing: a 28x28 PNG decodes in about 10 µs
 */
@ConfigurationProperties("reslt.classify")
public record ClassifySettings(
    @Bindable(defaultValue = "5") int defaultTopK,
    @Bindable(defaultValue = "1") int maxConcurrentDecodes) {
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
