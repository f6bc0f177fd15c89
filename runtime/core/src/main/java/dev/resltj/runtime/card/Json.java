package dev.resltj.runtime.card;

import dev.resltj.runtime.card.JsonValue.JsonArray;
import dev.resltj.runtime.card.JsonValue.JsonBoolean;
import dev.resltj.runtime.card.JsonValue.JsonNull;
import dev.resltj.runtime.card.JsonValue.JsonNumber;
import dev.resltj.runtime.card.JsonValue.JsonObject;
import dev.resltj.runtime.card.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader for model metadata. The runtime may not depend on a JSON library
 * (it is embedded in other people's applications), and metadata values are small, so a plain
 * recursive-descent parser is enough. Nesting is capped so hostile metadata cannot overflow the
 * stack.
 */
public final class Json {
  /** Deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 256;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON document (any value, surrounded by optional whitespace).
   *
   * @throws JsonParseException with the line and column of the first error
   */
  public static JsonValue parse(String text) {
    if (text == null) {
      throw new JsonParseException("expected JSON text, found nothing", 1, 1);
    }
    Json parser = new Json(text);
    parser.skipWhitespace();
    JsonValue value = parser.readValue(0);
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw parser.error("expected end of JSON after the value, found " + parser.describeNext());
    }
    return value;
  }

  /**
   * Writes {@code value} as compact JSON (no whitespace), members in their order. Numbers are
   * written as their text, so what {@link #parse} read is written back unchanged.
   */
  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof JsonArray a) {
      out.append('[');
      for (int i = 0; i < a.elements().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(a.elements().get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonString s) {
      quote(s.value(), out);
    } else if (value instanceof JsonNumber n) {
      out.append(n.text());
    } else if (value instanceof JsonBoolean b) {
      out.append(b.value());
    } else {
      out.append("null");
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private JsonValue readValue(int depth) {
    if (pos >= text.length()) {
      throw error("expected a JSON value, found end of text");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> readObject(depth + 1);
      case '[' -> readArray(depth + 1);
      case '"' -> new JsonString(readString());
      case 't' -> readLiteral("true", new JsonBoolean(true));
      case 'f' -> readLiteral("false", new JsonBoolean(false));
      case 'n' -> readLiteral("null", JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield readNumber();
        }
        throw error("expected a JSON value, found " + describeNext());
      }
    };
  }

  private JsonObject readObject(int depth) {
    checkDepth(depth);
    pos++; // '{'
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return new JsonObject(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name in double quotes, found " + describeNext());
      }
      int keyPos = pos;
      String key = readString();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      JsonValue value = readValue(depth);
      if (members.put(key, value) != null) {
        pos = keyPos;
        throw error("duplicate member name \"" + key + "\"");
      }
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return new JsonObject(members);
      } else {
        throw error("expected ',' or '}' in object, found " + describeNext());
      }
    }
  }

  private JsonArray readArray(int depth) {
    checkDepth(depth);
    pos++; // '['
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new JsonArray(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(readValue(depth));
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == ']') {
        pos++;
        return new JsonArray(elements);
      } else {
        throw error("expected ',' or ']' in array, found " + describeNext());
      }
    }
  }

  private String readString() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string: expected a closing '\"'");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) {
        throw error(
            "control character U+" + String.format("%04X", (int) c) + " in string: escape it");
      }
      if (c != '\\') {
        sb.append(c);
        pos++;
        continue;
      }
      pos++;
      if (pos >= text.length()) {
        throw error("unterminated escape sequence in string");
      }
      char e = text.charAt(pos);
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '/' -> sb.append('/');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 >= text.length()) {
            throw error("expected four hex digits after \\u");
          }
          int code = 0;
          for (int i = 1; i <= 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
              pos += i;
              throw error("expected four hex digits after \\u, found " + describeNext());
            }
            code = code * 16 + digit;
          }
          sb.append((char) code);
          pos += 4;
        }
        default ->
            throw error("invalid escape '\\" + e + "': expected one of \\\" \\\\ / b f n r t u");
      }
      pos++;
    }
  }

  private JsonNumber readNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      skipDigits();
    } else {
      throw error("expected a digit in number, found " + describeNext());
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after the decimal point, found " + describeNext());
      }
      skipDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent, found " + describeNext());
      }
      skipDigits();
    }
    return new JsonNumber(text.substring(start, pos));
  }

  private JsonValue readLiteral(String literal, JsonValue value) {
    if (!text.startsWith(literal, pos)) {
      throw error("expected '" + literal + "', found " + describeNext());
    }
    pos += literal.length();
    return value;
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "', found " + describeNext());
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipDigits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describeNext() {
    if (pos >= text.length()) {
      return "end of text";
    }
    char c = text.charAt(pos);
    return c < 0x20 ? String.format("U+%04X", (int) c) : "'" + c + "'";
  }

  private JsonParseException error(String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new JsonParseException(message, line, column);
  }
}
