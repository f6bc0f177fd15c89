package dev.resltj.server.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.server.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceRequestParserTest {

  private static InferenceRequest parse(String json) {
    return InferenceRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String error(String json) {
    return assertThrows(InvalidRequestException.class, () -> parse(json)).getMessage();
  }

  @Test
  void readsEveryFieldAndSkipsParametersAndUnknownFields() {
    InferenceRequest r =
        parse(
            "{\"id\":\"a\",\"parameters\":{\"x\":[1,{\"y\":2}]},\"extra\":true,"
                + "\"inputs\":[{\"name\":\"image\",\"shape\":[2,3],\"datatype\":\"FP32\","
                + "\"parameters\":{},\"data\":[1,2.5,-3,4e2,0,6]}],"
                + "\"outputs\":[{\"name\":\"logits\",\"parameters\":{\"classification\":3,"
                + "\"binary_data\":false,\"other\":1}}]}");

    assertEquals("a", r.id());
    RequestInput in = r.inputs().get(0);
    assertEquals("image", in.name());
    assertEquals(List.of(2L, 3L), in.shape());
    assertEquals("FP32", in.datatype());
    assertArrayEquals(new float[] {1, 2.5f, -3, 400, 0, 6}, in.data().values());
    assertEquals(List.of(6), in.data().nesting());
    assertEquals(new RequestedOutput("logits", new OutputParameters(3, false)), r.outputs().get(0));
    assertEquals(null, in.binaryDataSize());
    assertEquals(false, r.binaryOutputs());
  }

  @Test
  void readsNestedDataInRowMajorOrderWithItsNesting() {
    InferenceRequest r = parse("{\"inputs\":[{\"data\":[[[1,2,3],[4,5,6]]]}]}");

    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, r.inputs().get(0).data().values());
    assertEquals(List.of(1, 2, 3), r.inputs().get(0).data().nesting());
  }

  @Test
  void readsLargeDataBeyondItsFirstBuffer() {
    StringBuilder data = new StringBuilder("[0");
    for (int i = 1; i < 5000; i++) {
      data.append(',').append(i);
    }
    InputData d = parse("{\"inputs\":[{\"data\":" + data + "]}]}").inputs().get(0).data();

    assertEquals(5000, d.size());
    assertEquals(4999f, d.values()[4999]);
  }

  @Test
  void leavesAbsentFieldsNull() {
    InferenceRequest r = parse("{\"inputs\":[{}]}");

    assertNull(r.id());
    assertNull(r.outputs());
    assertNull(r.inputs().get(0).data());
    assertNull(r.inputs().get(0).shape());
  }

  @Test
  void namesThePathOfABadValue() {
    assertEquals(
        "inputs[0].data[1][2] is the string \"x\": FP32 data must be numbers",
        error("{\"inputs\":[{\"data\":[[1,2,3],[4,5,\"x\"]]}]}"));
    assertEquals(
        "inputs[1].shape[0] is the number 1.5: dimensions are whole numbers",
        error("{\"inputs\":[{},{\"shape\":[1.5]}]}"));
    assertEquals(
        "outputs[0].name is the number 3: expected a string",
        error("{\"outputs\":[{\"name\":3}]}"));
  }

  @Test
  void refusesNonFiniteAndNonStandardNumbers() {
    assertEquals(
        "inputs[0].data[0] is -1e40, outside the float32 range: values must be finite",
        error("{\"inputs\":[{\"data\":[-1e40]}]}"));
    assertEquals(
        true,
        error("{\"inputs\":[{\"data\":[NaN]}]}").startsWith("the request body is not valid JSON"));
  }

  @Test
  void refusesRaggedAndMixedNesting() {
    assertEquals(
        "inputs[0].data[0][1] has 1 entries but the arrays before it at this level have 2:"
            + " nested data must be rectangular",
        error("{\"inputs\":[{\"data\":[[[1,2],[3]]]}]}"));
    assertEquals(
        "inputs[0].data[1] is an array where numbers were",
        error("{\"inputs\":[{\"data\":[1,[2]]}]}"));
  }

  @Test
  void refusesAnEmptyBodyAndTrailingContent() {
    assertEquals("the request body is empty: expected a JSON object with \"inputs\"", error(""));
    assertEquals(true, error("{} {}").startsWith("the request body has more after"));
  }
}
