package dev.resltj.trainer.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accumulates the nodes and initializers of one ONNX graph. Knows protobuf, not networks: {@link
 * OnnxModelWriter} decides what to emit.
 */
final class OnnxGraphBuilder {
  private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
  private final Set<String> initializerNames = new HashSet<>();

  OnnxGraphBuilder(String name, String docString) {
    graph.setName(name).setDocString(docString);
  }

  /** Adds a node {@code opType(inputs) -> output} named {@code output + "/" + opType}. */
  String node(
      String opType, String output, List<String> inputs, OnnxMl.AttributeProto... attributes) {
    OnnxMl.NodeProto.Builder node =
        OnnxMl.NodeProto.newBuilder()
            .setOpType(opType)
            .setName(output + "/" + opType)
            .addAllInput(inputs)
            .addOutput(output);
    for (OnnxMl.AttributeProto attribute : attributes) {
      node.addAttribute(attribute);
    }
    graph.addNode(node);
    return output;
  }

  /** A float32 initializer with the values and shape of {@code array}, raw little-endian. */
  String initializer(String name, NDArray array) {
    if (array.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " is "
              + array.getDataType()
              + ", the exporter writes float32 only");
    }
    return initializer(name, array.getShape().getShape(), array.toFloatArray());
  }

  /** A float32 initializer; {@code dims} empty for a scalar. */
  String initializer(String name, long[] dims, float... values) {
    if (initializerNames.contains(name)) {
      throw new IllegalStateException("initializer " + name + " written twice");
    }
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    OnnxMl.TensorProto.Builder tensor =
        OnnxMl.TensorProto.newBuilder()
            .setName(name)
            .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
            .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : dims) {
      tensor.addDims(d);
    }
    graph.addInitializer(tensor);
    initializerNames.add(name);
    return name;
  }

  /** An int64 initializer (shapes, pads and the like); {@code dims} empty for a scalar. */
  String int64Initializer(String name, long[] dims, long... values) {
    if (initializerNames.contains(name)) {
      throw new IllegalStateException("initializer " + name + " written twice");
    }
    OnnxMl.TensorProto.Builder tensor =
        OnnxMl.TensorProto.newBuilder()
            .setName(name)
            .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber());
    for (long v : values) {
      tensor.addInt64Data(v);
    }
    for (long d : dims) {
      tensor.addDims(d);
    }
    graph.addInitializer(tensor);
    initializerNames.add(name);
    return name;
  }

  boolean hasInitializer(String name) {
    return initializerNames.contains(name);
  }

  /** Declares a float32 graph input or output with a symbolic first dimension. */
  void input(String name, String batchDim, long... dims) {
    graph.addInput(valueInfo(name, batchDim, dims));
  }

  void output(String name, String batchDim, long... dims) {
    graph.addOutput(valueInfo(name, batchDim, dims));
  }

  OnnxMl.GraphProto build() {
    return graph.build();
  }

  static OnnxMl.AttributeProto ints(String name, long... values) {
    OnnxMl.AttributeProto.Builder attribute =
        OnnxMl.AttributeProto.newBuilder()
            .setName(name)
            .setType(OnnxMl.AttributeProto.AttributeType.INTS);
    for (long v : values) {
      attribute.addInts(v);
    }
    return attribute.build();
  }

  static OnnxMl.AttributeProto integer(String name, long value) {
    return OnnxMl.AttributeProto.newBuilder()
        .setName(name)
        .setType(OnnxMl.AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  static OnnxMl.AttributeProto real(String name, float value) {
    return OnnxMl.AttributeProto.newBuilder()
        .setName(name)
        .setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  private static OnnxMl.ValueInfoProto valueInfo(String name, String batchDim, long... dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(batchDim));
    for (long d : dims) {
      shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            OnnxMl.TypeProto.newBuilder()
                .setTensorType(
                    OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
        .build();
  }
}
