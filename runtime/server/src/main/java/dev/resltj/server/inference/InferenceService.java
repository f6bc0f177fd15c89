package dev.resltj.server.inference;

import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.TensorSpec;
import dev.resltj.runtime.postprocess.TopK;
import dev.resltj.server.ServerVersion;
import dev.resltj.server.error.InvalidRequestException;
import dev.resltj.server.models.ImageRows;
import dev.resltj.server.models.LoadedModel;
import dev.resltj.server.models.ModelNotReadyException;
import dev.resltj.server.models.ModelRegistry;
import dev.resltj.server.models.RequestResult;
import dev.resltj.server.models.RequestTensor;
import dev.resltj.server.repository.RepositoryAccess;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Checks an inference request against the model, runs it through the model's batcher and builds the
 * response. Checking happens before queueing, so a bad request never reaches a shared batch.
 */
@Singleton
public final class InferenceService {
  private static final String FP32 = "FP32";
  private static final String BYTES = "BYTES";

  private final ModelRegistry registry;
  private final List<String> extensions;

  InferenceService(ModelRegistry registry, RepositoryAccess repository) {
    this.registry = registry;
    this.extensions =
        repository.enabled()
            ? List.of("classification", "binary_tensor_data", "model_repository")
            : List.of("classification", "binary_tensor_data");
  }

  /** {@code GET /v2} and gRPC's ServerMetadata: name, version and protocol extensions. */
  public ServerMetadata serverMetadata() {
    return new ServerMetadata("reslt-server", ServerVersion.get(), extensions);
  }

  /** Whether every model is loaded and warm. */
  public boolean ready() {
    return registry.allReady();
  }

  /**
   * Whether the model is ready.
   *
   * @throws dev.resltj.server.models.UnknownModelException for an unknown name or version
   */
  public boolean modelReady(String name, Optional<String> version) {
    try {
      registry.require(name, version);
      return true;
    } catch (ModelNotReadyException e) {
      return false;
    }
  }

  /** {@code GET /v2/models/{name}}. */
  public ModelMetadata metadata(String name, Optional<String> version) {
    LoadedModel model = registry.require(name, version);
    return new ModelMetadata(
        model.name(),
        List.of(model.version()),
        ModelMetadata.PLATFORM,
        List.of(TensorMetadata.of(model.input())),
        model.outputs().stream().map(TensorMetadata::of).toList());
  }

  /**
   * {@code POST /v2/models/{name}/infer} with the body as received: completes on a batcher thread.
   * With {@code headerLength} (the {@code Inference-Header-Content-Length} header) the body is that
   * many bytes of JSON followed by binary tensor data. The request is announced to the model's
   * batcher while it is parsed, so a run being formed can wait for it.
   */
  public CompletableFuture<InferenceResponse> infer(
      String name, Optional<String> version, byte[] body, OptionalInt headerLength) {
    try (LoadedModel.Incoming incoming = registry.announce(name, version)) {
      InferenceRequest request;
      if (headerLength.isPresent()) {
        int length = headerLength.getAsInt();
        int size = body == null ? 0 : body.length;
        if (length < 0 || length > size) {
          throw new InvalidRequestException(
              "Inference-Header-Content-Length is "
                  + length
                  + " but the body has "
                  + size
                  + " bytes: it must count the JSON header at the start of the body");
        }
        request =
            BinaryTensors.readInputs(InferenceRequestParser.parse(body, length), body, length);
      } else {
        request = InferenceRequestParser.parse(body);
      }
      return run(incoming, request);
    }
  }

  /**
   * A request already read into an {@link InferenceRequest} (the gRPC service's): checked, queued,
   * and completed on a batcher thread.
   */
  public CompletableFuture<InferenceResponse> infer(
      String name, Optional<String> version, InferenceRequest request) {
    try (LoadedModel.Incoming incoming = registry.announce(name, version)) {
      return run(incoming, request);
    }
  }

  private static CompletableFuture<InferenceResponse> run(
      LoadedModel.Incoming incoming, InferenceRequest request) {
    LoadedModel model = incoming.model();
    ImageRows images = readInput(model, request.inputs());
    List<Wanted> wanted = readOutputs(model, request.outputs(), request.binaryOutputs());
    return incoming.run(images).thenApply(outputs -> respond(model, request.id(), wanted, outputs));
  }

  private static ImageRows readInput(LoadedModel model, List<RequestInput> inputs) {
    TensorSpec spec = model.input();
    if (inputs == null || inputs.isEmpty()) {
      throw new InvalidRequestException(
          "inputs is required: a list with one tensor named '"
              + spec.name()
              + "' of shape "
              + describe(spec.shape()));
    }
    if (inputs.size() != 1) {
      throw new InvalidRequestException(
          "inputs holds "
              + inputs.size()
              + " tensors but model '"
              + model.name()
              + "' takes one, '"
              + spec.name()
              + "'");
    }
    RequestInput input = inputs.get(0);
    if (input == null) {
      throw new InvalidRequestException("inputs[0] is null: expected a tensor object");
    }
    if (input.binaryDataSize() != null) {
      throw new InvalidRequestException(
          "inputs[0].parameters.binary_data_size is set but the request has no"
              + " Inference-Header-Content-Length header: binary tensor data follows a JSON header"
              + " whose length that header gives");
    }
    if (input.name() == null) {
      throw new InvalidRequestException("inputs[0].name is required: '" + spec.name() + "'");
    }
    if (!input.name().equals(spec.name())) {
      throw new InvalidRequestException(
          "inputs[0].name is '"
              + input.name()
              + "' but model '"
              + model.name()
              + "' takes '"
              + spec.name()
              + "'");
    }
    if (input.datatype() == null) {
      throw new InvalidRequestException("inputs[0].datatype is required: " + FP32);
    }
    if (!FP32.equals(input.datatype())) {
      throw new InvalidRequestException(
          "inputs[0].datatype is '" + input.datatype() + "' but the model takes " + FP32);
    }
    List<Long> shape = readShape(model, input.shape());
    InputData data = input.data();
    long expected = 1;
    for (long d : shape) {
      expected = Math.multiplyExact(expected, d);
    }
    if (data == null) {
      throw new InvalidRequestException(
          "inputs[0].data is required: " + expected + " numbers for the shape " + shape);
    }
    if (data.isFlat() && data.size() != expected) {
      throw new InvalidRequestException(
          "inputs[0].data holds "
              + data.size()
              + " values but the shape "
              + shape
              + " needs "
              + expected);
    }
    if (!data.isFlat() && !data.nesting().equals(shape.stream().map(Long::intValue).toList())) {
      throw new InvalidRequestException(
          "inputs[0].data is nested as "
              + data.nesting()
              + " but the shape is "
              + shape
              + ": nest exactly as the shape, or send the values flat");
    }
    return ImageRows.of(data.values(), Math.toIntExact(shape.get(0)), model.imageSize());
  }

  private static List<Long> readShape(LoadedModel model, List<Long> shape) {
    List<Long> expected = model.input().shape();
    if (shape == null || shape.isEmpty()) {
      throw new InvalidRequestException(
          "inputs[0].shape is required: "
              + describe(expected)
              + " for model '"
              + model.name()
              + "'");
    }
    boolean matches = shape.size() == expected.size();
    for (int i = 0; matches && i < shape.size(); i++) {
      Long d = shape.get(i);
      if (d == null || d < 1) {
        throw new InvalidRequestException(
            "inputs[0].shape " + shape + " has a dimension below 1: every dimension is positive");
      }
      matches = expected.get(i) < 0 || expected.get(i).equals(d);
    }
    if (!matches) {
      throw new InvalidRequestException(
          "inputs[0].shape "
              + shape
              + " does not match the input of model '"
              + model.name()
              + "': "
              + describe(expected));
    }
    return shape;
  }

  private static String describe(List<Long> shape) {
    List<String> dims = new ArrayList<>();
    for (long d : shape) {
      dims.add(d < 0 ? "N" : Long.toString(d));
    }
    return "[" + String.join(", ", dims) + "] (N images, any N >= 1)";
  }

  /** An output to return, as the tensor or as its top k. */
  private record Wanted(String name, int classification, boolean binary) {}

  private static List<Wanted> readOutputs(
      LoadedModel model, List<RequestedOutput> outputs, boolean allBinary) {
    List<String> known = model.outputs().stream().map(TensorSpec::name).toList();
    if (outputs == null || outputs.isEmpty()) {
      return known.stream().map(n -> new Wanted(n, 0, allBinary)).toList();
    }
    List<Wanted> wanted = new ArrayList<>(outputs.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < outputs.size(); i++) {
      RequestedOutput o = outputs.get(i);
      String where = "outputs[" + i + "]";
      if (o == null || o.name() == null) {
        throw new InvalidRequestException(where + ".name is required: one of " + known);
      }
      if (!known.contains(o.name())) {
        throw new InvalidRequestException(
            where
                + ".name '"
                + o.name()
                + "' is not an output of model '"
                + model.name()
                + "': its outputs are "
                + known);
      }
      if (!seen.add(o.name())) {
        throw new InvalidRequestException(where + " asks for '" + o.name() + "' a second time");
      }
      int k = 0;
      boolean binary = allBinary;
      OutputParameters p = o.parameters();
      if (p != null) {
        if (p.binaryData() != null) {
          binary = p.binaryData();
        }
        if (p.classification() != null) {
          k = p.classification();
          if (k < 1) {
            throw new InvalidRequestException(
                where + ".parameters.classification is " + k + ": expected a count of at least 1");
          }
        }
      }
      wanted.add(new Wanted(o.name(), k, binary));
    }
    return wanted;
  }

  private static InferenceResponse respond(
      LoadedModel model, String id, List<Wanted> wanted, RequestResult outputs) {
    List<ResponseOutput> out = new ArrayList<>(wanted.size());
    for (Wanted w : wanted) {
      RequestTensor rows =
          outputs
              .get(w.name())
              .orElseThrow(() -> new IllegalStateException("model run lacks output " + w.name()));
      out.add(
          w.classification() > 0
              ? classification(model.card(), rows, w.classification(), w.binary())
              : new ResponseOutput(
                  rows.name(),
                  FP32,
                  rows.shape(),
                  new TensorData.Floats(rows.values()),
                  null,
                  w.binary()));
    }
    return new InferenceResponse(model.name(), model.version(), id, out);
  }

  /** Triton's classification extension: the top k of each row as "value:index:label". */
  private static ResponseOutput classification(
      ModelCard card, RequestTensor rows, int k, boolean binary) {
    int images = Math.toIntExact(rows.shape().get(0));
    int classes = rows.rowSize();
    int shown = Math.min(k, classes);
    List<String> strings = new ArrayList<>(images * shown);
    float[] values = rows.values();
    for (int image = 0; image < images; image++) {
      int offset = image * classes;
      for (int index : TopK.select(values, offset, classes, shown)) {
        String label = index < card.classCount() ? card.labels().get(index) : "";
        strings.add(String.format(Locale.ROOT, "%f:%d:%s", values[offset + index], index, label));
      }
    }
    return new ResponseOutput(
        rows.name(),
        BYTES,
        List.of((long) images, (long) shown),
        new TensorData.Strings(strings),
        null,
        binary);
  }
}
