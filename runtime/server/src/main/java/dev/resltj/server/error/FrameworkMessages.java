package dev.resltj.server.error;

import java.util.regex.Pattern;

/** Makes Micronaut's and Jackson's error messages readable for API users. */
final class FrameworkMessages {
  // Jackson appends the parser position with the whole source: keep line and column only
  private static final Pattern SOURCE =
      Pattern.compile("\\s*at \\[Source: .*?; line: (\\d+), column: (\\d+)]", Pattern.DOTALL);

  private FrameworkMessages() {}

  static String clean(String message) {
    if (message == null) {
      return "";
    }
    String m = SOURCE.matcher(message).replaceAll(" (line $1, column $2)");
    return m.replaceAll("\\s*\\n\\s*", " ").strip();
  }
}
