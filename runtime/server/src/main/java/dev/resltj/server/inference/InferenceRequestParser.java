package dev.resltj.server.inference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.resltj.server.error.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an inference request body with a streaming JSON parser, tensor data straight into a float
 * array: no tree of boxed numbers (a 4 MiB body would otherwise become some 40 MB of objects), and
 * every problem reported with its JSON path, such as {@code inputs[0].data[5]}. Fields of the
 * protocol this server does not use ({@code parameters}) and unknown fields are skipped.
 */
final class InferenceRequestParser {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          // depth beyond a 4-d tensor nested inside the request is never legitimate
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build();

  private static final int MAX_DEPTH = 16;

  private final JsonParser parser;

  private InferenceRequestParser(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * @throws InvalidRequestException for malformed JSON or a field of the wrong type, with its path
   */
  static InferenceRequest parse(byte[] body) {
    return parse(body, body == null ? 0 : body.length);
  }

  /**
   * Parses the first {@code length} bytes of {@code body}: the JSON header of a request with binary
   * tensor data after it.
   *
   * @throws InvalidRequestException for malformed JSON or a field of the wrong type, with its path
   */
  static InferenceRequest parse(byte[] body, int length) {
    if (body == null || length == 0) {
      throw new InvalidRequestException(
          "the request body is empty: expected a JSON object with \"inputs\"");
    }
    try (JsonParser parser = JSON.createParser(body, 0, length)) {
      InferenceRequestParser reader = new InferenceRequestParser(parser);
      InferenceRequest request = reader.request();
      if (parser.nextToken() != null) {
        throw reader.invalid("", "has more after the request object");
      }
      return request;
    } catch (JsonParseException e) {
      throw new InvalidRequestException(
          "the request body is not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw new InvalidRequestException("the request body cannot be read: " + e.getMessage());
    }
  }

  private InferenceRequest request() throws IOException {
    expect(parser.nextToken(), JsonToken.START_OBJECT, "the request body", "a JSON object");
    String id = null;
    List<RequestInput> inputs = null;
    List<RequestedOutput> outputs = null;
    boolean binaryOutputs = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "id" -> id = string(value, "id");
        case "inputs" -> inputs = list(value, "inputs", this::input);
        case "outputs" -> outputs = list(value, "outputs", this::output);
        case "parameters" -> binaryOutputs = requestParameters(value);
        default -> parser.skipChildren();
      }
    }
    return new InferenceRequest(id, inputs, outputs, binaryOutputs);
  }

  private RequestInput input(String where) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, where, "a tensor object");
    String name = null;
    List<Long> shape = null;
    String datatype = null;
    InputData data = null;
    Long binaryDataSize = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "name" -> name = string(value, where + ".name");
        case "shape" -> shape = list(value, where + ".shape", this::dimension);
        case "datatype" -> datatype = string(value, where + ".datatype");
        case "data" -> data = value == JsonToken.VALUE_NULL ? null : data(where + ".data");
        case "parameters" -> binaryDataSize = inputParameters(value, where + ".parameters");
        default -> parser.skipChildren();
      }
    }
    return new RequestInput(name, shape, datatype, data, binaryDataSize);
  }

  /** An input's parameters: only {@code binary_data_size} means something here. */
  private Long inputParameters(JsonToken token, String where) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    Long size = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("binary_data_size")) {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0) {
          throw invalid(
              where + ".binary_data_size", "is " + describe(value) + ": expected a byte count");
        }
        size = parser.getLongValue();
      } else {
        parser.skipChildren();
      }
    }
    return size;
  }

  /** The request's parameters: only {@code binary_data_output} means something here. */
  private boolean requestParameters(JsonToken token) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return false;
    }
    boolean binary = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("binary_data_output")) {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
          throw invalid(
              "parameters.binary_data_output",
              "is " + describe(value) + ": expected true or false");
        }
        binary = value == JsonToken.VALUE_TRUE;
      } else {
        parser.skipChildren();
      }
    }
    return binary;
  }

  private RequestedOutput output(String where) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, where, "an object with \"name\"");
    String name = null;
    OutputParameters parameters = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "name" -> name = string(value, where + ".name");
        case "parameters" -> parameters = parameters(value, where + ".parameters");
        default -> parser.skipChildren();
      }
    }
    return new RequestedOutput(name, parameters);
  }

  private OutputParameters parameters(JsonToken token, String where) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(token, JsonToken.START_OBJECT, where, "an object");
    Integer classification = null;
    Boolean binaryData = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "classification" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            throw invalid(
                where + ".classification", "is " + describe(value) + ": expected a count");
          }
          classification = parser.getValueAsInt();
        }
        case "binary_data" -> {
          if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw invalid(
                where + ".binary_data", "is " + describe(value) + ": expected true or false");
          }
          binaryData = value == JsonToken.VALUE_TRUE;
        }
        default -> parser.skipChildren();
      }
    }
    return new OutputParameters(classification, binaryData);
  }

  private Long dimension(String where) throws IOException {
    JsonToken t = parser.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw invalid(where, "is " + describe(t) + ": dimensions are whole numbers");
    }
    return parser.getLongValue();
  }

  /** Reads numbers, flat or nested, into one array; nesting must be rectangular. */
  private InputData data(String where) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw invalid(
          where, "is " + describe(parser.currentToken()) + ": expected an array of numbers");
    }
    float[] values = new float[1024];
    int count = 0;
    int[] lengthAt = new int[MAX_DEPTH]; // per depth, from the first array closed there
    Arrays.fill(lengthAt, -1);
    int[] index = new int[MAX_DEPTH]; // position within the open array at each depth
    int leafDepth = -1;
    int depth = 0; // depth of the array whose elements come next
    while (true) {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        if (lengthAt[depth] < 0) {
          lengthAt[depth] = index[depth];
        } else if (lengthAt[depth] != index[depth]) {
          throw invalid(
              where + path(index, depth),
              "has "
                  + index[depth]
                  + " entries but the arrays before it at this level have "
                  + lengthAt[depth]
                  + ": nested data must be rectangular");
        }
        if (depth == 0) {
          break;
        }
        depth--;
        index[depth]++;
      } else if (t == JsonToken.START_ARRAY) {
        if ((leafDepth >= 0 && depth >= leafDepth) || depth + 1 >= MAX_DEPTH) {
          throw invalid(where + path(index, depth + 1), "is an array where numbers were");
        }
        depth++;
        index[depth] = 0;
      } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        if (leafDepth < 0) {
          leafDepth = depth;
        } else if (depth != leafDepth) {
          throw invalid(where + path(index, depth + 1), "is a number where arrays were");
        }
        float v = parser.getFloatValue();
        if (!Float.isFinite(v)) {
          throw invalid(
              where + path(index, depth + 1),
              "is " + parser.getText() + ", outside the float32 range: values must be finite");
        }
        if (count == values.length) {
          values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = v;
        index[depth]++;
      } else {
        throw invalid(
            where + path(index, depth + 1), "is " + describe(t) + ": FP32 data must be numbers");
      }
    }
    List<Integer> nesting = new ArrayList<>();
    for (int d = 0; d <= Math.max(leafDepth, 0); d++) {
      nesting.add(lengthAt[d]);
    }
    return new InputData(Arrays.copyOf(values, count), nesting);
  }

  private static String path(int[] index, int depth) {
    StringBuilder s = new StringBuilder();
    for (int d = 0; d < depth; d++) {
      s.append('[').append(index[d]).append(']');
    }
    return s.toString();
  }

  @FunctionalInterface
  private interface ElementReader<T> {
    T read(String where) throws IOException;
  }

  private <T> List<T> list(JsonToken token, String where, ElementReader<T> element)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(token, JsonToken.START_ARRAY, where, "an array");
    List<T> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(element.read(where + "[" + items.size() + "]"));
    }
    return items;
  }

  private String string(JsonToken token, String where) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw invalid(where, "is " + describe(token) + ": expected a string");
    }
    return parser.getText();
  }

  private void expect(JsonToken actual, JsonToken expected, String where, String what)
      throws IOException {
    if (actual != expected) {
      throw invalid(where, "is " + describe(actual) + ": expected " + what);
    }
  }

  private InvalidRequestException invalid(String where, String problem) {
    return new InvalidRequestException(
        (where.isEmpty() ? "the request body" : where) + " " + problem);
  }

  private String describe(JsonToken token) throws IOException {
    if (token == null) {
      return "missing";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> {
        String s = parser.getText();
        yield "the string \"" + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "\"";
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
