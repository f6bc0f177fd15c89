package dev.resltj.server.models;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits on what one request may hold ({@code reslt.limits.*}). The body size limit itself, {@code
 * reslt.limits.max-request-size}, is applied by the HTTP layer (see {@code application.yml}).
 *
 * @param maxImageWidth uploaded images wider than this are refused from their header (413)
 * @param maxImageHeight uploaded images taller than this are refused from their header (413)
 */
@ConfigurationProperties("reslt.limits")
public record LimitSettings(
    @Bindable(defaultValue = "4096") int maxImageWidth,
    @Bindable(defaultValue = "4096") int maxImageHeight) {

  public LimitSettings {
    if (maxImageWidth < 1 || maxImageHeight < 1) {
      throw new IllegalArgumentException(
          "reslt.limits.max-image-width and max-image-height must be positive, got "
              + maxImageWidth
              + "x"
              + maxImageHeight);
    }
  }
}
