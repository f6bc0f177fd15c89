package dev.resltj.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gets a package tarball with {@code npm pack}, which uses the user's npm configuration and cache.
 */
public final class NpmPack implements PackageSource {
  private final String executable;
  private final Duration timeout;

  /** {@code npm} from the PATH, 10 minutes at most. */
  public NpmPack() {
    this("npm", Duration.ofMinutes(10));
  }

  public NpmPack(String executable, Duration timeout) {
    if (executable == null || executable.isBlank()) {
      throw new IllegalArgumentException("npm executable is required");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.executable = executable;
    this.timeout = timeout;
  }

  @Override
  public Path download(String spec, Path workDir) {
    List<String> command = List.of(executable, "pack", "--silent", spec);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      int errno = reason.lastIndexOf("error=");
      int comma = errno < 0 ? -1 : reason.indexOf(", ", errno);
      throw new FetchException(
          "cannot run '"
              + executable
              + "' ("
              + (comma < 0 ? reason : reason.substring(comma + 2))
              + "): is npm installed and on the PATH?",
          e);
    }
    String output;
    try (InputStream out = process.getInputStream()) {
      output = lastChars(out);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new FetchException(
            "'"
                + String.join(" ", command)
                + "' did not finish within "
                + timeout.toMinutes()
                + " min");
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw new FetchException("reading the output of '" + executable + " pack' failed: " + e, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted while npm was fetching " + spec, e);
    }
    if (process.exitValue() != 0) {
      throw new FetchException(
          "'"
              + String.join(" ", command)
              + "' failed with exit code "
              + process.exitValue()
              + (output.isBlank() ? "" : ":\n" + output.strip()));
    }
    List<Path> tarballs = new ArrayList<>();
    try (Stream<Path> files = Files.list(workDir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".tgz")).forEach(tarballs::add);
    } catch (IOException e) {
      throw new FetchException("cannot list " + workDir + ": " + e, e);
    }
    if (tarballs.size() != 1) {
      throw new FetchException(
          "'"
              + String.join(" ", command)
              + "' succeeded but left "
              + tarballs.size()
              + " .tgz files in "
              + workDir
              + " (expected one)");
    }
    return tarballs.get(0);
  }

  /** npm's output only matters on failure, and then only its end. */
  private static String lastChars(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int keep = Math.min(all.length, 4000);
    return new String(all, all.length - keep, keep, StandardCharsets.UTF_8);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
