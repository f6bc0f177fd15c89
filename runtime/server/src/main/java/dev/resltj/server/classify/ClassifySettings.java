package dev.resltj.server.classify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The classify endpoint ({@code reslt.classify.*}).
 *
 * @param defaultTopK classes returned when the request has no {@code top_k}
 */
@ConfigurationProperties("reslt.classify")
public record ClassifySettings(@Bindable(defaultValue = "5") int defaultTopK) {
  public ClassifySettings {
    if (defaultTopK < 1) {
      throw new IllegalArgumentException(
          "reslt.classify.default-top-k must be at least 1, got " + defaultTopK);
    }
  }
}
