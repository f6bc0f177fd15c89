package dev.resltj.trainer.export;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.onnx.OpSchemaRegistry;
import org.bytedeco.onnx.ShapeInferenceOptions;
import org.bytedeco.onnx.global.onnx;

/** The official ONNX checker (C++, through the bytedeco binding), as the tests use it. */
final class OnnxChecker {
  /** ONNX's ShapeInferenceOptions error_mode 1: fail on any inference error (strict mode). */
  private static final int STRICT = 1;

  private OnnxChecker() {}

  /**
   * Runs {@code check_model} with {@code full_check} (which includes strict shape inference), then
   * shape inference again with type checks, strict errors and data propagation, and returns the
   * inferred shape of every value in the graph (dims as text, symbolic ones by name).
   */
  static Map<String, String> checkAndInferShapes(Path model) throws IOException {
    onnx.check_model(model.toString(), true, false, false);
    Path inferred = Files.createTempFile(model.getParent(), "inferred-", ".onnx");
    try (ShapeInferenceOptions options = new ShapeInferenceOptions(true, STRICT, true)) {
      onnx.InferShapes(
          model.toString(), inferred.toString(), OpSchemaRegistry.Instance(), options, null);
      OnnxMl.ModelProto withShapes = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(inferred));
      Map<String, String> shapes = new HashMap<>();
      for (OnnxMl.ValueInfoProto v : withShapes.getGraph().getValueInfoList()) {
        shapes.put(v.getName(), shapeOf(v));
      }
      for (OnnxMl.ValueInfoProto v : withShapes.getGraph().getOutputList()) {
        shapes.put(v.getName(), shapeOf(v));
      }
      return shapes;
    } finally {
      Files.deleteIfExists(inferred);
    }
  }

  private static String shapeOf(OnnxMl.ValueInfoProto value) {
    StringBuilder text = new StringBuilder("[");
    for (OnnxMl.TensorShapeProto.Dimension d :
        value.getType().getTensorType().getShape().getDimList()) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam());
    }
    return text.append("]").toString();
  }
}
