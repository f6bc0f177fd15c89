package dev.resltj.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executable jar as users run it, not the classes the unit tests see. */
class PackagedJarIT {
  @Test
  void versionComesFromTheJarManifest() throws Exception {
    // the same lookup stamps producer_version into every exported model
    Path jar = Path.of(System.getProperty("reslt.train.jar", "target/reslt-train.jar"));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--version")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isZero();
    assertThat(output.strip()).isEqualTo("reslt-train " + System.getProperty("reslt.version"));
  }
}
