package dev.resltj.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The server's version, written into the jar by the build. */
public final class ServerVersion {
  private static final String RESOURCE = "/META-INF/reslt-server/build.properties";

  private ServerVersion() {}

  /** The Maven project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    try (InputStream in = ServerVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
