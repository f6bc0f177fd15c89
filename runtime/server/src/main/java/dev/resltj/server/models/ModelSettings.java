package dev.resltj.server.models;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Where models come from and how they run ({@code reslt.models.*}).
 *
 * @param dir the model folder; a relative folder is looked up in the working directory, then in its
 *     parents, so the repository's {@code models/} is found from the repository root and from a
 *     module folder alike
 * @param intraOpThreads ONNX Runtime threads inside one run; 1 suits small models, where
 *     parallelism comes from concurrent batches instead
 * @param autoInvert invert uploaded images whose polarity is opposite to the model's (a dark digit
 *     on white paper for an MNIST model)
 * @param centreByMass fit uploaded images the way MNIST digits were made (bounding box into 20x20,
 *     centred by mass): right for drawn or photographed digits
 * @param watch look at the model folder every {@code watchInterval} and load new or replaced {@code
 *     .onnx} files (unload removed ones) without a restart
 * @param watchInterval time between two looks; a file is loaded once it looked the same twice
 */
@ConfigurationProperties("reslt.models")
public record ModelSettings(
    @Bindable(defaultValue = "models") String dir,
    @Bindable(defaultValue = "1") int intraOpThreads,
    @Bindable(defaultValue = "true") boolean autoInvert,
    @Bindable(defaultValue = "false") boolean centreByMass,
    @Bindable(defaultValue = "false") boolean watch,
    @Bindable(defaultValue = "2s") Duration watchInterval) {

  public ModelSettings {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("reslt.models.dir must name a folder, got '" + dir + "'");
    }
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException(
          "reslt.models.intra-op-threads must be at least 1, got " + intraOpThreads);
    }
    if (watchInterval == null || watchInterval.isNegative() || watchInterval.isZero()) {
      throw new IllegalArgumentException(
          "reslt.models.watch-interval must be a positive duration such as 2s, got "
              + watchInterval);
    }
  }
}
