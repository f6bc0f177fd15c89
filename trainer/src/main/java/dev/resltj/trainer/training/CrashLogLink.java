package dev.resltj.trainer.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends a native crash log into the run folder of the run that crashed. The JVM's {@code
 * -XX:ErrorFile} is fixed at start, before the run folder is known, so the launcher points it into
 * a folder that does not exist yet and names that folder in {@code reslt.crash.link}; once the run
 * folder exists this makes that name a link to it. A crash before then leaves the log where the JVM
 * puts it when it cannot use the path (the temporary folder).
 */
public final class CrashLogLink implements AutoCloseable {
  static final String PROPERTY = "reslt.crash.link";

  private final Path link;

  private CrashLogLink(Path link) {
    this.link = link;
  }

  /** Links the launcher's crash-log folder to {@code runDir}; nothing when not launched so. */
  static CrashLogLink to(Path runDir) {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) {
      return new CrashLogLink(null);
    }
    Path link = Path.of(name);
    try {
      Files.deleteIfExists(link);
      Files.createDirectories(link.toAbsolutePath().getParent());
      Files.createSymbolicLink(link, runDir.toAbsolutePath());
      return new CrashLogLink(link);
    } catch (IOException | UnsupportedOperationException e) {
      // a crash log in the temporary folder is the JVM's default: not worth failing a run over
      return new CrashLogLink(null);
    }
  }

  /**
   * Removes the launcher's crash-log folder when no run linked it (help, a usage error): it is
   * empty then.
   */
  public static void discardUnused() {
    String name = System.getProperty(PROPERTY);
    if (name != null && !name.isBlank()) {
      deleteLaunchFolder(Path.of(name));
    }
  }

  /** Removes the link (and its folder) once the run is over: nothing crashed. */
  @Override
  public void close() {
    if (link != null) {
      deleteLaunchFolder(link);
    }
  }

  /** The link, if any, and the launcher's folder around it, unless something else is in it. */
  private static void deleteLaunchFolder(Path link) {
    try {
      Files.deleteIfExists(link);
      Files.deleteIfExists(link.toAbsolutePath().getParent());
    } catch (IOException notEmpty) {
      // a crash log or something else lives there: not ours to remove
    }
  }
}
