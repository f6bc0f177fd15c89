package dev.resltj.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/reslt-server}'s class archive: the first start records one into a file of its own, the
 * next start moves it into place and maps it, and {@code RESLT_CDS=off} leaves it out. A jar whose
 * main class prints its JVM options stands in for the server.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("bin", "reslt-server");

  @TempDir Path dir;

  @Test
  void firstStartRecordsTheArchiveAndTheNextMapsIt() throws Exception {
    Path jar = standInJar();
    Path archive = dir.resolve("stand-in-all.jsa");

    List<String> first = launch(jar, "on");
    assertTrue(
        first.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=" + archive + ".rec-")),
        first::toString);
    assertEquals(1, recordings().size(), first::toString);

    List<String> second = launch(jar, "on");
    assertTrue(second.contains("-XX:SharedArchiveFile=" + archive), second::toString);
    assertEquals(List.of(), recordings());
    assertTrue(Files.size(archive) > 0, "the recording was moved into place");
  }

  @Test
  void cdsOffStartsWithoutAnArchive() throws Exception {
    List<String> options = launch(standInJar(), "off");
    assertTrue(
        options.stream().noneMatch(o -> o.contains("SharedArchiveFile") || o.contains("Archive")),
        options::toString);
    assertEquals(List.of(), recordings());
  }

  private List<String> recordings() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".rec-")).toList();
    }
  }

  /** Runs the launcher on {@code jar} and returns the JVM options the stand-in printed. */
  private List<String> launch(Path jar, String cds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true);
    builder.environment().put("JAR", jar.toString());
    builder.environment().put("JAVA_OPTS", "-Xmx32m");
    builder.environment().put("RESLT_CDS", cds);
    builder.environment().put("PATH", javaBin() + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
    assertEquals(0, process.exitValue(), out);
    return out.lines().toList();
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin").toString();
  }

  private Path standInJar() throws IOException {
    Path jar = dir.resolve("stand-in-all.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PrintJvmOptions.class.getName());
    String entry = PrintJvmOptions.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream classFile = PrintJvmOptions.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      classFile.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
