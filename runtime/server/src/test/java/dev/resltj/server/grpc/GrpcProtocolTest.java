package dev.resltj.server.grpc;

import static dev.resltj.server.fixtures.Grpc.assertStatus;
import static dev.resltj.server.fixtures.Grpc.infer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Grpc;
import dev.resltj.server.fixtures.Prometheus;
import dev.resltj.server.grpc.v2.InferParameter;
import dev.resltj.server.grpc.v2.InferTensorContents;
import dev.resltj.server.grpc.v2.ModelInferRequest;
import dev.resltj.server.grpc.v2.ModelInferResponse;
import dev.resltj.server.grpc.v2.ModelMetadataRequest;
import dev.resltj.server.grpc.v2.ModelMetadataResponse;
import dev.resltj.server.grpc.v2.ModelReadyRequest;
import dev.resltj.server.grpc.v2.ServerLiveRequest;
import dev.resltj.server.grpc.v2.ServerMetadataRequest;
import dev.resltj.server.grpc.v2.ServerReadyRequest;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC service through a generated grpc-java client: the protocol cases and the bad inputs of
 * the REST tests, each with the status code its REST twin's HTTP status stands for.
 */
@MicronautTest
class GrpcProtocolTest extends FixtureServerTest {
  @Inject GrpcServer grpcServer;
  private Grpc grpc;

  GrpcProtocolTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  @BeforeAll
  void connect() {
    grpc = new Grpc(grpcServer.port());
  }

  @AfterAll
  void disconnect() {
    grpc.close();
  }

  @Test
  void serverIsLiveAndReadyAndNamesItsExtensions() {
    assertTrue(grpc.stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive());
    assertTrue(grpc.stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady());
    var m = grpc.stub.serverMetadata(ServerMetadataRequest.getDefaultInstance());
    assertEquals("reslt-server", m.getName());
    assertEquals(List.of("classification", "binary_tensor_data"), m.getExtensionsList());
  }

  @Test
  void modelReadyIsTrueAndUnknownModelIsNotFound() {
    assertTrue(
        grpc.stub.modelReady(ModelReadyRequest.newBuilder().setName("probe").build()).getReady());
    assertTrue(
        grpc.stub
            .modelReady(ModelReadyRequest.newBuilder().setName("probe").setVersion("1").build())
            .getReady());
    assertStatus(
        Status.Code.NOT_FOUND,
        "no model named 'mnist'",
        () -> grpc.stub.modelReady(ModelReadyRequest.newBuilder().setName("mnist").build()));
  }

  @Test
  void modelMetadataGivesPlatformVersionsAndTensorsWithVariableBatch() {
    ModelMetadataResponse m =
        grpc.stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("probe").build());

    assertEquals("probe", m.getName());
    assertEquals(List.of("1"), m.getVersionsList());
    assertEquals("onnxruntime_onnx", m.getPlatform());
    assertEquals("image", m.getInputs(0).getName());
    assertEquals("FP32", m.getInputs(0).getDatatype());
    assertEquals(List.of(-1L, 1L, 28L, 28L), m.getInputs(0).getShapeList());
    assertEquals("logits", m.getOutputs(0).getName());
    assertEquals(List.of(-1L, 10L), m.getOutputs(0).getShapeList());
  }

  @Test
  void modelMetadataOfAnotherVersionIsNotFound() {
    assertStatus(
        Status.Code.NOT_FOUND,
        "version",
        () ->
            grpc.stub.modelMetadata(
                ModelMetadataRequest.newBuilder().setName("probe").setVersion("2").build()));
  }

  @Test
  void typedInferReturnsEveryOutputWithExactValuesAndEchoesTheId() {
    float[] image = FixtureModels.probeImage(6, 180);

    ModelInferResponse r = grpc.stub.modelInfer(infer("probe", image).setId("42").build());

    assertEquals("probe", r.getModelName());
    assertEquals("1", r.getModelVersion());
    assertEquals("42", r.getId());
    assertEquals(0, r.getRawOutputContentsCount());
    assertEquals("logits", r.getOutputs(0).getName());
    assertEquals("FP32", r.getOutputs(0).getDatatype());
    assertEquals(List.of(1L, 10L), r.getOutputs(0).getShapeList());
    assertArrayEquals(
        FixtureModels.probeLogits(image), floats(r.getOutputs(0).getContents()), 1e-5f);
    assertEquals("probabilities", r.getOutputs(1).getName());
  }

  @Test
  void rawInputsGetRawOutputsInTheOrderAsked() {
    float[][] images = {FixtureModels.probeImage(2, 90), FixtureModels.probeImage(9, 250)};
    ByteBuffer raw = ByteBuffer.allocate(2 * 784 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] image : images) {
      for (float v : image) {
        raw.putFloat(v);
      }
    }
    ModelInferRequest.Builder request = infer("probe", images);
    request.getInputsBuilder(0).clearContents();
    request
        .addRawInputContents(ByteString.copyFrom(raw.array()))
        .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("logits"));

    ModelInferResponse r = grpc.stub.modelInfer(request.build());

    assertEquals(1, r.getOutputsCount());
    assertFalse(r.getOutputs(0).hasContents());
    assertEquals(List.of(2L, 10L), r.getOutputs(0).getShapeList());
    float[] values = new float[20];
    r.getRawOutputContents(0)
        .asReadOnlyByteBuffer()
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(values);
    for (int i = 0; i < 2; i++) {
      float[] expected = FixtureModels.probeLogits(images[i]);
      for (int c = 0; c < 10; c++) {
        assertEquals(expected[c], values[i * 10 + c], 1e-5f, "image " + i + " class " + c);
      }
    }
  }

  @Test
  void classificationParameterReturnsTopKAsValueIndexLabelStrings() {
    ModelInferResponse r =
        grpc.stub.modelInfer(
            infer("probe", FixtureModels.probeImage(7, 255))
                .addOutputs(
                    ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                        .setName("logits")
                        .putParameters(
                            "classification", InferParameter.newBuilder().setInt64Param(2).build()))
                .build());

    assertEquals("BYTES", r.getOutputs(0).getDatatype());
    assertEquals(List.of(1L, 2L), r.getOutputs(0).getShapeList());
    String top = r.getOutputs(0).getContents().getBytesContents(0).toStringUtf8();
    assertTrue(top.endsWith(":7:seven"), top);
  }

  @Test
  void unknownModelIsNotFound() {
    assertStatus(
        Status.Code.NOT_FOUND,
        "no model named 'mnist'; this server serves probe",
        () -> grpc.stub.modelInfer(infer("mnist", FixtureModels.probeImage(1, 1)).build()));
  }

  @Test
  void malformedRequestsAreInvalidArgumentWithTheFieldNamed() {
    float[] image = FixtureModels.probeImage(1, 1);
    assertInvalid("inputs is required", infer("probe", image).clearInputs());
    ModelInferRequest.Builder wrongName = infer("probe", image);
    wrongName.getInputsBuilder(0).setName("pixels");
    assertInvalid("inputs[0].name is 'pixels' but model 'probe' takes 'image'", wrongName);
    ModelInferRequest.Builder noName = infer("probe", image);
    noName.getInputsBuilder(0).clearName();
    assertInvalid("inputs[0].name is required", noName);
    ModelInferRequest.Builder int32 = infer("probe", image);
    int32.getInputsBuilder(0).setDatatype("INT32");
    assertInvalid("inputs[0].datatype is 'INT32' but the model takes FP32", int32);
    ModelInferRequest.Builder shape = infer("probe", image);
    shape.getInputsBuilder(0).setShape(2, 27);
    assertInvalid("does not match the input of model 'probe'", shape);
    ModelInferRequest.Builder count = infer("probe", image);
    count.getInputsBuilder(0).setShape(0, 2);
    assertInvalid("inputs[0].data holds 784 values but the shape [2, 1, 28, 28] needs 1568", count);
    ModelInferRequest.Builder nan = infer("probe", image);
    nan.getInputsBuilder(0).getContentsBuilder().setFp32Contents(3, Float.NaN);
    assertInvalid("inputs[0].contents.fp32_contents[3] is NaN", nan);
    ModelInferRequest.Builder other = infer("probe", image);
    other.getInputsBuilder(0).setContents(InferTensorContents.newBuilder().addIntContents(1));
    assertInvalid("FP32 tensors send fp32_contents", other);
    assertInvalid(
        "raw_input_contents holds 2 entries but inputs holds 1",
        infer("probe", image)
            .addRawInputContents(ByteString.copyFrom(new byte[4]))
            .addRawInputContents(ByteString.copyFrom(new byte[4])));
    ModelInferRequest.Builder both = infer("probe", image);
    both.addRawInputContents(ByteString.copyFrom(new byte[3136]));
    assertInvalid("inputs[0].contents is set together with raw_input_contents", both);
    ModelInferRequest.Builder odd = infer("probe", image);
    odd.getInputsBuilder(0).clearContents();
    odd.addRawInputContents(ByteString.copyFrom(new byte[3135]));
    assertInvalid("raw_input_contents[0] holds 3135 bytes: FP32 data is 4 bytes per value", odd);
    assertInvalid(
        "outputs[0].name 'scores' is not an output of model 'probe'",
        infer("probe", image)
            .addOutputs(
                ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("scores")));
    assertInvalid(
        "outputs[0].parameters.classification is 0: expected a count of at least 1",
        infer("probe", image)
            .addOutputs(
                ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                    .setName("logits")
                    .putParameters(
                        "classification", InferParameter.newBuilder().setInt64Param(0).build())));
    assertInvalid(
        "outputs[0].parameters.classification is not an int64_param",
        infer("probe", image)
            .addOutputs(
                ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                    .setName("logits")
                    .putParameters(
                        "classification",
                        InferParameter.newBuilder().setStringParam("top").build())));
  }

  @Test
  void moreImagesThanTheQueueHoldsIsResourceExhausted() {
    float[][] images = new float[1025][];
    for (int i = 0; i < images.length; i++) {
      images[i] = new float[784];
    }
    ModelInferRequest.Builder request = infer("probe", images);
    request.getInputsBuilder(0).clearContents();
    request.addRawInputContents(ByteString.copyFrom(new byte[1025 * 3136]));

    assertStatus(
        Status.Code.RESOURCE_EXHAUSTED, "1025", () -> grpc.stub.modelInfer(request.build()));
  }

  @Test
  void messageOverTheSizeLimitIsResourceExhausted() {
    ModelInferRequest.Builder request = infer("probe", new float[784]);
    request.getInputsBuilder(0).clearContents();
    request.addRawInputContents(ByteString.copyFrom(new byte[5 * 1024 * 1024]));

    assertStatus(Status.Code.RESOURCE_EXHAUSTED, "", () -> grpc.stub.modelInfer(request.build()));
    assertTrue(grpc.stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive());
  }

  @Test
  void callsAreCountedInTheSameRequestMetricsAsRest() {
    grpc.stub.modelInfer(infer("probe", FixtureModels.probeImage(1, 255)).build());
    assertStatus(
        Status.Code.INVALID_ARGUMENT,
        "inputs",
        () -> grpc.stub.modelInfer(infer("probe").clearInputs().build()));

    String m = http.get("/prometheus").body();
    String endpoint = "endpoint=\"/inference.GRPCInferenceService/ModelInfer\"";
    assertTrue(
        Prometheus.sum(
                m, "reslt_requests_seconds_count", "model=\"probe\"", endpoint, "status=\"OK\"")
            >= 1,
        m);
    assertTrue(
        Prometheus.sum(
                m, "reslt_errors_total", "model=\"probe\"", endpoint, "status=\"INVALID_ARGUMENT\"")
            >= 1);
    assertTrue(Prometheus.sum(m, "reslt_batch_size_images_count", "model=\"probe\"") >= 1);
  }

  private void assertInvalid(String message, ModelInferRequest.Builder request) {
    assertStatus(
        Status.Code.INVALID_ARGUMENT, message, () -> grpc.stub.modelInfer(request.build()));
  }

  private static float[] floats(InferTensorContents contents) {
    float[] values = new float[contents.getFp32ContentsCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = contents.getFp32Contents(i);
    }
    return values;
  }
}
