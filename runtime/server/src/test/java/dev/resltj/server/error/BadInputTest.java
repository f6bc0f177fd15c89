package dev.resltj.server.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.BadImages;
import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every malformed request gets its 4xx with a {@code {"error": ...}} that
 * says what was wrong, and the very next correct request is answered correctly.
 */
@MicronautTest
class BadInputTest extends FixtureServerTest {
  private static final String INFER = "/v2/models/probe/infer";
  private static final String CLASSIFY = "/v1/models/probe/classify";

  BadInputTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  /** A bad request, the status it must get and a fragment its error message must contain. */
  record Case(String name, Function<Http, Http.Reply> send, int status, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void answersWithA4xxAndAClearErrorThenKeepsServing(Case c) {
    Http.Reply reply = c.send().apply(http);

    assertEquals(c.status(), reply.status(), reply.body());
    assertTrue(
        reply.error().contains(c.error()),
        "error \"" + reply.error() + "\" should contain \"" + c.error() + "\"");

    float[] image = FixtureModels.probeImage(6, 255);
    Http.Reply next = http.postJson(INFER, Http.inferBody("after", new float[][] {image}, null));
    assertEquals(200, next.status(), next.body());
    assertEquals("after", next.json().get("id").getStringValue());
    assertEquals(
        255 * FixtureModels.SCALE,
        next.json().get("outputs").get(0).get("data").get(6).getFloatValue(),
        1e-3);
    Http.Reply classified = http.post(CLASSIFY, "image/png", FixtureModels.encode(image, "png"));
    assertEquals(200, classified.status(), classified.body());
    assertEquals("six", classified.json().get("predictions").get(0).get("label").getStringValue());
  }

  static Stream<Arguments> corpus() {
    String image = "\"name\":\"image\",\"datatype\":\"FP32\"";
    String okData = zeros(784);
    return Stream.of(
            // ---- infer: the body ----
            json("not JSON", "{", 400, "Unexpected end-of-input"),
            json("empty body", "", 400, "the request body is empty"),
            json(
                "a JSON array",
                "[1,2]",
                400,
                "the request body is an array: expected a JSON object"),
            json("NaN literal", infer("\"shape\":[1,1,28,28]", "[NaN]"), 400, "NaN"),
            json("no inputs", "{}", 400, "inputs is required"),
            json("empty inputs", "{\"inputs\":[]}", 400, "inputs is required"),
            json(
                "inputs not a list",
                "{\"inputs\":{\"name\":\"image\"}}",
                400,
                "inputs is an object: expected an array"),
            json(
                "two inputs",
                "{\"inputs\":[{" + image + "},{" + image + "}]}",
                400,
                "inputs holds 2 tensors but model 'probe' takes one, 'image'"),
            // ---- infer: the input tensor ----
            json(
                "no input name",
                "{\"inputs\":[{\"datatype\":\"FP32\",\"shape\":[1,1,28,28],\"data\":"
                    + okData
                    + "}]}",
                400,
                "inputs[0].name is required"),
            json(
                "wrong input name",
                "{\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"FP32\",\"shape\":[1,1,28,28],"
                    + "\"data\":"
                    + okData
                    + "}]}",
                400,
                "inputs[0].name is 'pixels' but model 'probe' takes 'image'"),
            json(
                "no datatype",
                "{\"inputs\":[{\"name\":\"image\",\"shape\":[1,1,28,28],\"data\":" + okData + "}]}",
                400,
                "inputs[0].datatype is required: FP32"),
            json(
                "wrong datatype",
                "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"INT32\",\"shape\":[1,1,28,28],"
                    + "\"data\":"
                    + okData
                    + "}]}",
                400,
                "inputs[0].datatype is 'INT32' but the model takes FP32"),
            json("no shape", infer(null, okData), 400, "inputs[0].shape is required"),
            json(
                "shape of another model",
                infer("\"shape\":[1,784]", okData),
                400,
                "inputs[0].shape [1, 784] does not match the input of model 'probe': [N, 1, 28,"
                    + " 28]"),
            json(
                "zero batch", infer("\"shape\":[0,1,28,28]", "[]"), 400, "has a dimension below 1"),
            json(
                "shape not a list of numbers",
                infer("\"shape\":[\"a\",1,28,28]", okData),
                400,
                "inputs[0].shape[0] is the string \"a\": dimensions are whole numbers"),
            json(
                "shape larger than the data",
                infer("\"shape\":[2,1,28,28]", okData),
                400,
                "inputs[0].data holds 784 values but the shape [2, 1, 28, 28] needs 1568"),
            json(
                "no data", infer("\"shape\":[1,1,28,28]", null), 400, "inputs[0].data is required"),
            json(
                "data a string",
                infer("\"shape\":[1,1,28,28]", "\"abc\""),
                400,
                "inputs[0].data is the string \"abc\": expected an array of numbers"),
            json(
                "a string value",
                infer("\"shape\":[1,1,28,28]", withValue(okData, 5, "\"NaN\"")),
                400,
                "inputs[0].data[5] is the string \"NaN\": FP32 data must be numbers"),
            json(
                "a null value",
                infer("\"shape\":[1,1,28,28]", withValue(okData, 0, "null")),
                400,
                "inputs[0].data[0] is null"),
            json(
                "a boolean value",
                infer("\"shape\":[1,1,28,28]", withValue(okData, 3, "true")),
                400,
                "inputs[0].data[3] is true: FP32 data must be numbers"),
            json(
                "an infinite value",
                infer("\"shape\":[1,1,28,28]", withValue(okData, 9, "1e39")),
                400,
                "inputs[0].data[9] is 1e39, outside the float32 range"),
            json(
                "data nested otherwise than the shape",
                infer("\"shape\":[1,1,28,28]", "[[[[1,2]]]]"),
                400,
                "inputs[0].data is nested as [1, 1, 1, 2] but the shape is [1, 1, 28, 28]"),
            json(
                "ragged nested data",
                infer("\"shape\":[1,1,28,28]", "[[1,2],[3]]"),
                400,
                "inputs[0].data[1] has 1 entries but the arrays before it at this level have 2"),
            json(
                "numbers and arrays mixed",
                infer("\"shape\":[1,1,28,28]", "[[1,2],3]"),
                400,
                "inputs[0].data[1] is a number where arrays were"),
            json(
                "an id that is not a string",
                "{\"id\":5,\"inputs\":[]}",
                400,
                "id is the number 5: expected a string"),
            json(
                "more images than a queue holds",
                infer("\"shape\":[1025,1,28,28]", zeros(1025 * 784)),
                413,
                "the request holds 1025 images but model 'probe' queues at most 1024"),
            // ---- infer: the outputs ----
            json(
                "unknown output",
                infer("\"shape\":[1,1,28,28]", okData, "[{\"name\":\"scores\"}]"),
                400,
                "outputs[0].name 'scores' is not an output of model 'probe': its outputs are"
                    + " [logits, probabilities]"),
            json(
                "an output twice",
                infer(
                    "\"shape\":[1,1,28,28]",
                    okData,
                    "[{\"name\":\"logits\"},{\"name\":\"logits\"}]"),
                400,
                "outputs[1] asks for 'logits' a second time"),
            json(
                "classification zero",
                infer(
                    "\"shape\":[1,1,28,28]",
                    okData,
                    "[{\"name\":\"logits\",\"parameters\":{\"classification\":0}}]"),
                400,
                "outputs[0].parameters.classification is 0: expected a count of at least 1"),
            json(
                "classification not a number",
                infer(
                    "\"shape\":[1,1,28,28]",
                    okData,
                    "[{\"name\":\"logits\",\"parameters\":{\"classification\":\"top\"}}]"),
                400,
                "outputs[0].parameters.classification is the string \"top\": expected a count"),
            json(
                "binary data size without the header length",
                "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,1,28,28],"
                    + "\"parameters\":{\"binary_data_size\":3136}}]}",
                400,
                "inputs[0].parameters.binary_data_size is set but the request has no"
                    + " Inference-Header-Content-Length header"),
            // ---- infer: HTTP ----
            c(
                "unknown model",
                h -> h.postJson("/v2/models/mnist/infer", "{}"),
                404,
                "no model named 'mnist'; this server serves probe"),
            c(
                "text content type",
                h -> h.post(INFER, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                415,
                "text/plain"),
            c(
                "body over 4 MiB",
                h -> h.post(INFER, "application/json", new byte[4 * 1024 * 1024 + 1]),
                413,
                "exceeds the maximum allowed content length"),
            c("GET on infer", h -> h.get(INFER), 405, "Method [GET] not allowed"),
            c("no such route", h -> h.get("/v2/nothing/here"), 404, "Not Found"),
            // ---- classify ----
            c("empty image", h -> h.post(CLASSIFY, "image/png", new byte[0]), 400, "empty"),
            c(
                "text sent as PNG",
                h -> h.post(CLASSIFY, "image/png", "not an image".getBytes(StandardCharsets.UTF_8)),
                400,
                "image"),
            c(
                "truncated PNG",
                h -> h.post(CLASSIFY, "image/png", BadImages.truncatedPng()),
                400,
                "image"),
            c(
                "50000 x 50000 header",
                h -> h.post(CLASSIFY, "image/png", BadImages.pngDeclaring(50_000, 50_000)),
                413,
                "50000"),
            c(
                "1 x 1 image",
                h -> h.post(CLASSIFY, "image/png", FixtureModels.encodeSize(1, 1)),
                400,
                "1x1"),
            c(
                "JSON content type",
                h -> h.post(CLASSIFY, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                415,
                "application/json"),
            c(
                "top_k zero",
                h ->
                    h.post(
                        CLASSIFY + "?top_k=0",
                        "image/png",
                        FixtureModels.encode(FixtureModels.probeImage(1, 255), "png")),
                400,
                "top_k is 0: expected at least 1"),
            c(
                "top_k not a number",
                h ->
                    h.post(
                        CLASSIFY + "?top_k=many",
                        "image/png",
                        FixtureModels.encode(FixtureModels.probeImage(1, 255), "png")),
                400,
                "parameter 'top_k' is 'many': expected a whole number"),
            c(
                "multipart without a file part",
                h ->
                    h.postMultipart(
                        CLASSIFY,
                        "picture",
                        "digit.png",
                        "image/png",
                        FixtureModels.encode(FixtureModels.probeImage(1, 255), "png")),
                400,
                "file"),
            c(
                "multipart file that is not an image",
                h ->
                    h.postMultipart(
                        CLASSIFY,
                        "file",
                        "notes.txt",
                        "text/plain",
                        "hello".getBytes(StandardCharsets.UTF_8)),
                400,
                "image"),
            c(
                "image for an unknown model",
                h ->
                    h.post(
                        "/v1/models/mnist/classify",
                        "image/png",
                        FixtureModels.encode(FixtureModels.probeImage(1, 255), "png")),
                404,
                "no model named 'mnist'"),
            c(
                "image over 4 MiB",
                h -> h.post(CLASSIFY, "image/png", new byte[4 * 1024 * 1024 + 1]),
                413,
                "exceeds the maximum allowed content length"))
        .map(Arguments::of);
  }

  private static Case c(String name, Function<Http, Http.Reply> send, int status, String error) {
    return new Case(name, send, status, error);
  }

  private static Case json(String name, String body, int status, String error) {
    return new Case(name, h -> h.postJson(INFER, body), status, error);
  }

  private static String infer(String shape, String data) {
    return infer(shape, data, null);
  }

  private static String infer(String shape, String data, String outputs) {
    StringBuilder s = new StringBuilder("{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\"");
    if (shape != null) {
      s.append(',').append(shape);
    }
    if (data != null) {
      s.append(",\"data\":").append(data);
    }
    s.append("}]");
    if (outputs != null) {
      s.append(",\"outputs\":").append(outputs);
    }
    return s.append('}').toString();
  }

  private static String zeros(int n) {
    return "[" + "0,".repeat(n - 1) + "0]";
  }

  private static String withValue(String flat, int index, String value) {
    String[] values = flat.substring(1, flat.length() - 1).split(",");
    values[index] = value;
    return "[" + String.join(",", values) + "]";
  }
}
