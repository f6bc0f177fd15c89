package dev.resltj.trainer.provenance;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How a run was made. Captured once per run with {@link #capture}; serialises with the trainer's
 * JSON mapper (camelCase fields; {@code createdUtc} is ISO-8601, for example {@code
 * 2026-11-27T17:34:00Z}).
 */
public record Provenance(
    String producer,
    String producerVersion,
    String djlVersion,
    String engine,
    String engineVersion,
    String javaVersion,
    String javaVendor,
    String os,
    String cpuModel,
    int availableProcessors,
    String createdUtc,
    List<DataFileHash> dataFiles) {

  public static final String PRODUCER = "reslt-train";

  /** The trainer jar's manifest Implementation-Version; {@code dev} when run from classes. */
  public static String trainerVersion() {
    String version = Provenance.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  public Provenance {
    requireText(producer, "producer");
    requireText(producerVersion, "producerVersion");
    requireText(djlVersion, "djlVersion");
    requireText(engine, "engine");
    requireText(engineVersion, "engineVersion");
    requireText(javaVersion, "javaVersion");
    requireText(javaVendor, "javaVendor");
    requireText(os, "os");
    requireText(cpuModel, "cpuModel");
    if (availableProcessors < 1) {
      throw new IllegalArgumentException(
          "availableProcessors must be >= 1, got " + availableProcessors);
    }
    requireText(createdUtc, "createdUtc");
    try {
      Instant.parse(createdUtc);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "createdUtc must be an ISO-8601 instant like 2026-01-31T12:00:00Z, got " + createdUtc);
    }
    dataFiles = List.copyOf(dataFiles == null ? List.of() : dataFiles);
  }

  /**
   * This run's provenance. Loads DJL's default engine (PyTorch) to ask its version: training loads
   * it anyway.
   */
  public static Provenance capture(List<DataFileHash> dataFiles) {
    Engine engine = Engine.getInstance();
    return capture(
        dataFiles,
        engine.getEngineName(),
        engine.getVersion(),
        Clock.systemUTC(),
        Path.of("/proc/cpuinfo"));
  }

  static Provenance capture(
      List<DataFileHash> dataFiles,
      String engineName,
      String engineVersion,
      Clock clock,
      Path cpuinfo) {
    return new Provenance(
        PRODUCER,
        trainerVersion(),
        Engine.getDjlVersion(),
        engineName,
        engineVersion,
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        cpuModel(cpuinfo),
        Runtime.getRuntime().availableProcessors(),
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)),
        dataFiles);
  }

  /** The CPU's model name from {@code /proc/cpuinfo} (Linux), else the architecture. */
  static String cpuModel(Path cpuinfo) {
    if (Files.isReadable(cpuinfo)) {
      try (Stream<String> lines = Files.lines(cpuinfo)) {
        String model =
            lines
                .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .filter(s -> !s.isEmpty())
                .findFirst()
                .orElse(null);
        if (model != null) {
          return model;
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // fall back to the architecture below: provenance must not fail a run
      }
    }
    return "unknown " + System.getProperty("os.arch") + " CPU";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
