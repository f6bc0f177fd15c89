package dev.resltj.trainer.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.storage.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  private static final DataFileHash FILE =
      new DataFileHash(
          "data/mnist/train-labels-idx1-ubyte",
          "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");

  @TempDir Path dir;

  @Test
  void capturesMachineTimeAndDataFiles() throws Exception {
    Path cpuinfo =
        Files.writeString(
            dir.resolve("cpuinfo"),
            "processor\t: 0\nvendor_id\t: X\nmodel name\t: Test CPU 9000\n");
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T17:34:12.345Z"), ZoneOffset.UTC);

    Provenance p = Provenance.capture(List.of(FILE), "PyTorch", "2.7.1", clock, cpuinfo);

    assertThat(p.producer()).isEqualTo("reslt-train");
    assertThat(p.engine()).isEqualTo("PyTorch");
    assertThat(p.engineVersion()).isEqualTo("2.7.1");
    assertThat(p.djlVersion()).isEqualTo("0.36.0");
    assertThat(p.cpuModel()).isEqualTo("Test CPU 9000");
    assertThat(p.createdUtc()).isEqualTo("2026-11-27T17:34:12Z");
    assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
    assertThat(p.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(p.dataFiles()).containsExactly(FILE);
  }

  @Test
  void fallsBackToArchitectureWithoutCpuinfo() {
    assertThat(Provenance.cpuModel(dir.resolve("absent")))
        .isEqualTo("unknown " + System.getProperty("os.arch") + " CPU");
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    Provenance p =
        Provenance.capture(
            List.of(FILE), "PyTorch", "2.7.1", Clock.systemUTC(), dir.resolve("absent"));
    Path file = dir.resolve("provenance.json");

    JsonFiles.write(file, p);

    assertThat(JsonFiles.read(file, Provenance.class)).isEqualTo(p);
    assertThat(Files.readString(file))
        .contains("\"producerVersion\"")
        .contains("\"createdUtc\"")
        .contains("\"sha256\" : \"65a50cbb");
  }

  @Test
  void rejectsTimeThatIsNotAnInstant() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Provenance(
                    "reslt-train",
                    "1",
                    "0.36.0",
                    "PyTorch",
                    "2.7.1",
                    "17",
                    "v",
                    "Linux",
                    "cpu",
                    2,
                    "yesterday",
                    List.of()));

    assertThat(e.getMessage()).contains("createdUtc").contains("yesterday");
  }

  @Test
  void rejectsHashThatIsNotSha256() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new DataFileHash("f", "abc"));

    assertThat(e.getMessage()).contains("64 lower-case hex").contains("abc");
  }

  @Test
  void capturesTheRealEngineVersion() {
    Provenance p = Provenance.capture(List.of());

    assertThat(p.engine()).isEqualTo("PyTorch");
    assertThat(p.engineVersion()).startsWith("2.7.1");
  }
}
