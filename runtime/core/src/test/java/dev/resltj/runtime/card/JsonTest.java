package dev.resltj.runtime.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.card.JsonValue.JsonArray;
import dev.resltj.runtime.card.JsonValue.JsonBoolean;
import dev.resltj.runtime.card.JsonValue.JsonNull;
import dev.resltj.runtime.card.JsonValue.JsonNumber;
import dev.resltj.runtime.card.JsonValue.JsonObject;
import dev.resltj.runtime.card.JsonValue.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  @Test
  void parsesNestedObjectsAndArraysKeepingMemberOrder() {
    JsonValue v =
        Json.parse(" {\"b\": [1, 2.5, -3e2], \"a\": {\"x\": true, \"y\": false, \"z\": null}} ");
    JsonObject o = (JsonObject) v;
    assertThat(o.members().keySet()).containsExactly("b", "a");
    JsonArray b = (JsonArray) o.get("b").orElseThrow();
    assertThat(b.elements())
        .containsExactly(new JsonNumber("1"), new JsonNumber("2.5"), new JsonNumber("-3e2"));
    assertThat(((JsonNumber) b.elements().get(2)).doubleValue()).isEqualTo(-300.0);
    JsonObject a = (JsonObject) o.get("a").orElseThrow();
    assertThat(a.get("x")).contains(new JsonBoolean(true));
    assertThat(a.get("y")).contains(new JsonBoolean(false));
    assertThat(a.get("z")).contains(JsonNull.INSTANCE);
  }

  @Test
  void decodesEveryEscape() {
    JsonString s = (JsonString) Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u4e2d\"");
    assertThat(s.value()).isEqualTo("q\" b\\ s/ \b\f\n\r\t é中");
  }

  @Test
  void keepsSurrogatePairsFromEscapes() {
    JsonString s = (JsonString) Json.parse("\"\\ud83d\\ude00\"");
    assertThat(s.value()).isEqualTo("😀");
  }

  @Test
  void parsesScalarsAtTopLevel() {
    assertThat(Json.parse("42")).isEqualTo(new JsonNumber("42"));
    assertThat(Json.parse("\"x\"")).isEqualTo(new JsonString("x"));
    assertThat(Json.parse("null")).isEqualTo(JsonNull.INSTANCE);
    assertThat(Json.parse("[]")).isEqualTo(new JsonArray(List.of()));
    assertThat(Json.parse("{}")).isEqualTo(JsonObject.EMPTY);
  }

  @Test
  void tellsIntegersFromFractions() {
    assertThat(new JsonNumber("12").isLong()).isTrue();
    assertThat(new JsonNumber("-7").isLong()).isTrue();
    assertThat(new JsonNumber("1.0").isLong()).isFalse();
    assertThat(new JsonNumber("1e3").isLong()).isFalse();
    assertThat(new JsonNumber("99999999999999999999").isLong()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'{\"a\": 1,}'|expected a member name|1|9",
        "'[1, 2'|expected ',' or ']'|1|6",
        "'{\"a\" 1}'|expected ':'|1|6",
        "'\"abc'|unterminated string|1|5",
        "'01'|expected end of JSON|1|2",
        "'-'|expected a digit|1|2",
        "'1.'|after the decimal point|1|3",
        "'1e'|in the exponent|1|3",
        "'tru'|expected 'true'|1|1",
        "'\"\\x\"'|invalid escape|1|3",
        "'\"\\u12G4\"'|four hex digits|1|6",
        "'[1]\n  x'|expected end of JSON|2|3",
        "''|found end of text|1|1",
        "'{\"a\": 1, \"a\": 2}'|duplicate member name \"a\"|1|10",
        "'NaN'|expected a JSON value|1|1",
      })
  void reportsErrorsWithLineAndColumn(String text, String message, int line, int column) {
    JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse(text));
    assertThat(e).hasMessageContaining(message);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
  }

  @Test
  void rejectsRawControlCharactersInStrings() {
    JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse("\"a\nb\""));
    assertThat(e).hasMessageContaining("control character U+000A");
  }

  @ParameterizedTest
  @ValueSource(ints = {Json.MAX_DEPTH + 1, 100_000})
  void refusesDeepNestingInsteadOfOverflowingTheStack(int depth) {
    String text = "[".repeat(depth) + "]".repeat(depth);
    JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse(text));
    assertThat(e).hasMessageContaining("nested deeper than");
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertThat(Json.parse(text)).isInstanceOf(JsonArray.class);
  }

  @Test
  void nullTextIsAParseError() {
    assertThrows(JsonParseException.class, () -> Json.parse(null));
  }
}
