package dev.resltj.server.grpc;

import com.google.protobuf.ByteString;
import dev.resltj.server.error.InvalidRequestException;
import dev.resltj.server.grpc.v2.InferParameter;
import dev.resltj.server.grpc.v2.InferTensorContents;
import dev.resltj.server.grpc.v2.ModelInferRequest;
import dev.resltj.server.grpc.v2.ModelInferResponse;
import dev.resltj.server.inference.InferenceRequest;
import dev.resltj.server.inference.InferenceResponse;
import dev.resltj.server.inference.InputData;
import dev.resltj.server.inference.OutputParameters;
import dev.resltj.server.inference.RequestInput;
import dev.resltj.server.inference.RequestedOutput;
import dev.resltj.server.inference.ResponseOutput;
import dev.resltj.server.inference.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Between the protobuf messages and the protocol's records, so the gRPC service runs requests
 * through the same checks, batcher and response building as the REST API. Protobuf has no null: an
 * empty string or list is read as absent, so the checks report it as missing.
 */
final class GrpcTensors {
  private static final String CLASSIFICATION = "classification";

  private GrpcTensors() {}

  static InferenceRequest request(ModelInferRequest request) {
    int raw = request.getRawInputContentsCount();
    if (raw > 0 && raw != request.getInputsCount()) {
      throw new InvalidRequestException(
          "raw_input_contents holds "
              + raw
              + " entries but inputs holds "
              + request.getInputsCount()
              + ": one entry per input, in the same order");
    }
    List<RequestInput> inputs = new ArrayList<>(request.getInputsCount());
    for (int i = 0; i < request.getInputsCount(); i++) {
      ModelInferRequest.InferInputTensor input = request.getInputs(i);
      String where = "inputs[" + i + "]";
      InputData data;
      if (raw > 0) {
        if (hasValues(input.getContents())) {
          throw new InvalidRequestException(
              where + ".contents is set together with raw_input_contents: send the values once");
        }
        data =
            InputData.littleEndian(
                request.getRawInputContents(i).asReadOnlyByteBuffer(),
                "raw_input_contents[" + i + "]");
      } else {
        data = typed(input.getContents(), where + ".contents");
      }
      inputs.add(
          new RequestInput(
              orNull(input.getName()),
              input.getShapeCount() == 0 ? null : input.getShapeList(),
              orNull(input.getDatatype()),
              data,
              null));
    }
    List<RequestedOutput> outputs = new ArrayList<>(request.getOutputsCount());
    for (int i = 0; i < request.getOutputsCount(); i++) {
      ModelInferRequest.InferRequestedOutputTensor output = request.getOutputs(i);
      outputs.add(
          new RequestedOutput(
              orNull(output.getName()),
              parameters(output.getParametersMap(), "outputs[" + i + "].parameters")));
    }
    return new InferenceRequest(
        orNull(request.getId()),
        inputs.isEmpty() ? null : inputs,
        outputs.isEmpty() ? null : outputs,
        false);
  }

  /**
   * The answer in the form the request used: raw little-endian bytes in {@code raw_output_contents}
   * when it sent {@code raw_input_contents} (as Triton's clients expect), typed contents otherwise.
   */
  static ModelInferResponse response(InferenceResponse response, boolean raw) {
    ModelInferResponse.Builder b =
        ModelInferResponse.newBuilder()
            .setModelName(response.modelName())
            .setModelVersion(response.modelVersion());
    if (response.id() != null) {
      b.setId(response.id());
    }
    for (ResponseOutput o : response.outputs()) {
      ModelInferResponse.InferOutputTensor.Builder t =
          b.addOutputsBuilder().setName(o.name()).setDatatype(o.datatype()).addAllShape(o.shape());
      if (raw) {
        b.addRawOutputContents(ByteString.copyFrom(o.data().littleEndianBytes()));
      } else {
        t.setContents(contents(o.data()));
      }
    }
    return b.build();
  }

  private static InferTensorContents contents(TensorData data) {
    InferTensorContents.Builder c = InferTensorContents.newBuilder();
    if (data instanceof TensorData.Floats floats) {
      for (int i = 0; i < floats.size(); i++) {
        c.addFp32Contents(floats.get(i));
      }
    } else if (data instanceof TensorData.Strings strings) {
      for (String s : strings.values()) {
        c.addBytesContents(ByteString.copyFromUtf8(s));
      }
    }
    return c.build();
  }

  private static InputData typed(InferTensorContents contents, String where) {
    if (contents.getFp32ContentsCount() > 0) {
      float[] values = new float[contents.getFp32ContentsCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = contents.getFp32Contents(i);
      }
      return InputData.flat(values, where + ".fp32_contents");
    }
    if (hasValues(contents)) {
      throw new InvalidRequestException(
          where + " holds values of another type: FP32 tensors send fp32_contents");
    }
    return null;
  }

  private static boolean hasValues(InferTensorContents c) {
    return c.getBoolContentsCount() > 0
        || c.getIntContentsCount() > 0
        || c.getInt64ContentsCount() > 0
        || c.getUintContentsCount() > 0
        || c.getUint64ContentsCount() > 0
        || c.getFp32ContentsCount() > 0
        || c.getFp64ContentsCount() > 0
        || c.getBytesContentsCount() > 0;
  }

  private static OutputParameters parameters(Map<String, InferParameter> parameters, String where) {
    InferParameter k = parameters.get(CLASSIFICATION);
    if (k == null) {
      return null;
    }
    if (k.getParameterChoiceCase() != InferParameter.ParameterChoiceCase.INT64_PARAM) {
      throw new InvalidRequestException(
          where + ".classification is not an int64_param: expected a count");
    }
    return new OutputParameters(
        Math.toIntExact(
            Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, k.getInt64Param()))),
        null);
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
