package dev.resltj.server.inference;

import dev.resltj.server.error.InvalidRequestException;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Triton's binary tensor data extension: a JSON header of {@code Inference-Header-Content-Length}
 * bytes, then each tensor's raw little-endian bytes in the order of the header's tensors. A 28x28
 * image is 3,136 bytes this way against about 2.5 KB of JSON text at best and far more for real
 * pixel values; a 224x224 colour image is 600 KB either way as floats, several times that as text.
 */
final class BinaryTensors {
  private BinaryTensors() {}

  /** The JSON header's length and the whole body. */
  record Encoded(int headerLength, byte[] body) {}

  /**
   * Replaces every input that declares {@code binary_data_size} by the values its bytes hold.
   *
   * @throws InvalidRequestException when the sizes and the body disagree or a value is not finite
   */
  static InferenceRequest readInputs(InferenceRequest request, byte[] body, int headerLength) {
    if (request.inputs() == null) {
      return request;
    }
    int offset = headerLength;
    List<RequestInput> inputs = new ArrayList<>(request.inputs().size());
    for (int i = 0; i < request.inputs().size(); i++) {
      RequestInput input = request.inputs().get(i);
      if (input == null || input.binaryDataSize() == null) {
        inputs.add(input);
        continue;
      }
      String where = "inputs[" + i + "]";
      long size = input.binaryDataSize();
      if (input.data() != null) {
        throw new InvalidRequestException(
            where + " has both data and parameters.binary_data_size: send the values once");
      }
      if (size > body.length - offset) {
        throw new InvalidRequestException(
            where
                + ".parameters.binary_data_size is "
                + size
                + " but only "
                + (body.length - offset)
                + " bytes follow");
      }
      InputData data =
          InputData.littleEndian(ByteBuffer.wrap(body, offset, (int) size), where + " binary data");
      offset += (int) size;
      inputs.add(new RequestInput(input.name(), input.shape(), input.datatype(), data, null));
    }
    if (offset != body.length) {
      throw new InvalidRequestException(
          "the body has "
              + (body.length - headerLength)
              + " bytes after the JSON header but the inputs' binary_data_size add up to "
              + (offset - headerLength));
    }
    return new InferenceRequest(
        request.id(), List.copyOf(inputs), request.outputs(), request.binaryOutputs());
  }

  /** Whether any output of {@code response} goes out as binary data. */
  static boolean wanted(InferenceResponse response) {
    return response.outputs().stream().anyMatch(ResponseOutput::binary);
  }

  /**
   * The JSON header with every binary output's data replaced by its {@code binary_data_size}, then
   * those outputs' bytes: FP32 as little-endian floats, BYTES as a 4-byte little-endian length
   * before each UTF-8 string.
   */
  static Encoded encode(InferenceResponse response, JsonMapper json) {
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    List<ResponseOutput> outputs = new ArrayList<>(response.outputs().size());
    for (ResponseOutput o : response.outputs()) {
      if (!o.binary()) {
        outputs.add(o);
        continue;
      }
      byte[] bytes = o.data().littleEndianBytes();
      tail.writeBytes(bytes);
      outputs.add(
          new ResponseOutput(
              o.name(),
              o.datatype(),
              o.shape(),
              null,
              new ResponseOutput.Parameters(bytes.length),
              false));
    }
    try {
      byte[] header =
          json.writeValueAsBytes(
              new InferenceResponse(
                  response.modelName(), response.modelVersion(), response.id(), outputs));
      ByteArrayOutputStream body = new ByteArrayOutputStream(header.length + tail.size());
      body.writeBytes(header);
      tail.writeTo(body);
      return new Encoded(header.length, body.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the response header", e);
    }
  }
}
