package dev.resltj.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.resltj.runtime.ClassifierOptions;
import dev.resltj.runtime.GraphOptimization;
import dev.resltj.runtime.InferenceException;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.TensorSpec;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ONNX Runtime session and what its graph declares. Runs are thread-safe and may overlap (ORT's
 * {@code run} is); {@link #close()} waits for runs in flight, so no run ever touches a freed
 * session.
 */
public final class OnnxModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

  private final String source;
  private final String producerVersion;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final TensorSpec input;
  private final List<TensorSpec> outputs;
  private final long[] imageShape; // C, H, W
  private final long fixedBatch; // -1 when the batch dimension is symbolic
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final DirectBufferPool buffers =
      new DirectBufferPool(2 * Runtime.getRuntime().availableProcessors() + 2);
  private boolean closed;

  private OnnxModel(String source, String producerVersion, OrtEnvironment env, OrtSession session) {
    this.source = source;
    this.producerVersion = producerVersion;
    this.env = env;
    this.session = session;
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      if (inputs.size() != 1) {
        throw new ModelLoadException(
            source
                + " has "
                + inputs.size()
                + " inputs "
                + inputs.keySet()
                + ": expected one image input float32 [N, C, H, W]");
      }
      NodeInfo in = inputs.values().iterator().next();
      long[] shape = floatTensorShape(in).orElseThrow(() -> notAnImageInput(in));
      if (shape.length != 4 || shape[1] < 1 || shape[2] < 1 || shape[3] < 1) {
        throw notAnImageInput(in);
      }
      this.input = spec(in.getName(), shape);
      this.imageShape = Arrays.copyOfRange(shape, 1, 4);
      this.fixedBatch = shape[0] > 0 ? shape[0] : -1;
      List<TensorSpec> outs = new ArrayList<>();
      for (NodeInfo out : session.getOutputInfo().values()) {
        floatTensorShape(out).ifPresent(s -> outs.add(spec(out.getName(), s)));
      }
      this.outputs = List.copyOf(outs);
    } catch (OrtException e) {
      throw new ModelLoadException(source + ": cannot read the model's inputs and outputs", e);
    }
  }

  /** Opens a model file. */
  public static OnnxModel open(Path path, ClassifierOptions options) {
    if (!Files.isRegularFile(path)) {
      throw new ModelLoadException(
          "model file " + path + " does not exist or is not a file: expected an .onnx file");
    }
    if (!Files.isReadable(path)) {
      throw new ModelLoadException("model file " + path + " is not readable");
    }
    return create(
        path.toString(),
        () -> ModelProtoFields.producerVersion(path),
        options,
        (env, opts) -> env.createSession(path.toString(), opts));
  }

  /** Opens a model from its bytes; {@code source} names it in messages. */
  public static OnnxModel open(byte[] bytes, String source, ClassifierOptions options) {
    if (bytes == null || bytes.length == 0) {
      throw new ModelLoadException(source + " is empty: expected the bytes of an .onnx model");
    }
    return create(
        source,
        () -> ModelProtoFields.producerVersion(bytes),
        options,
        (env, opts) -> env.createSession(bytes, opts));
  }

  private interface SessionFactory {
    OrtSession create(OrtEnvironment env, OrtSession.SessionOptions opts) throws OrtException;
  }

  private static OnnxModel create(
      String source,
      Supplier<Optional<String>> producerVersion,
      ClassifierOptions options,
      SessionFactory factory) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session;
    try (OrtSession.SessionOptions opts = sessionOptions(options)) {
      session = factory.create(env, opts);
    } catch (OrtException e) {
      throw new ModelLoadException(
          source + " is not a model ONNX Runtime can load: " + e.getMessage(), e);
    }
    try {
      return new OnnxModel(source, producerVersion.get().orElse(""), env, session);
    } catch (RuntimeException e) {
      try {
        session.close();
      } catch (OrtException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static OrtSession.SessionOptions sessionOptions(ClassifierOptions options)
      throws OrtException {
    OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
    try {
      opts.setIntraOpNumThreads(options.intraOpThreads());
      // Nodes run one after another in a small CNN: inter-op threads would only add wake-ups.
      opts.setInterOpNumThreads(1);
      opts.setOptimizationLevel(optLevel(options.graphOptimization()));
      if (options.cuda()) {
        try {
          opts.addCUDA(options.cudaDevice());
        } catch (OrtException | RuntimeException | LinkageError e) {
          LOG.warn(
              "CUDA execution provider (device {}) is not available, running on CPU: {}",
              options.cudaDevice(),
              e.getMessage());
        }
      }
      return opts;
    } catch (OrtException | RuntimeException e) {
      opts.close();
      throw e;
    }
  }

  private static OrtSession.SessionOptions.OptLevel optLevel(GraphOptimization level) {
    return switch (level) {
      case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
      case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
      case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
      case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
    };
  }

  private static Optional<long[]> floatTensorShape(NodeInfo node) {
    if (node.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT) {
      return Optional.of(t.getShape());
    }
    return Optional.empty();
  }

  private ModelLoadException notAnImageInput(NodeInfo in) {
    return new ModelLoadException(
        source
            + ": input '"
            + in.getName()
            + "' is "
            + in.getInfo()
            + ": expected float32 [N, C, H, W] with fixed C, H and W");
  }

  private static TensorSpec spec(String name, long[] shape) {
    List<Long> dims = new ArrayList<>();
    for (long d : shape) {
      dims.add(d < 0 ? -1L : d);
    }
    return new TensorSpec(name, dims);
  }

  /** Where the model came from, for messages. */
  public String source() {
    return source;
  }

  public TensorSpec input() {
    return input;
  }

  /** The float32 outputs, in the graph's order (other outputs are not exposed). */
  public List<TensorSpec> outputs() {
    return outputs;
  }

  public int channels() {
    return (int) imageShape[0];
  }

  public int height() {
    return (int) imageShape[1];
  }

  public int width() {
    return (int) imageShape[2];
  }

  /** Values per image: C x H x W. */
  public int imageSize() {
    return (int) (imageShape[0] * imageShape[1] * imageShape[2]);
  }

  /** The metadata_props and producer fields. */
  public Metadata metadata() {
    try {
      OnnxModelMetadata m = session.getMetadata();
      ModelCard.Producer producer =
          new ModelCard.Producer(
              nonNull(m.getProducerName()),
              producerVersion,
              nonNull(m.getDescription()),
              m.getVersion(),
              nonNull(m.getDomain()),
              nonNull(m.getGraphName()));
      return new Metadata(m.getCustomMetadata(), producer);
    } catch (OrtException e) {
      throw new ModelLoadException(source + ": cannot read the model metadata", e);
    }
  }

  /**
   * The model's metadata as ONNX Runtime reports it.
   *
   * @param custom the {@code metadata_props}
   * @param producer producer, description, version, domain and graph name
   */
  public record Metadata(Map<String, String> custom, ModelCard.Producer producer) {
    public Metadata {
      custom = Map.copyOf(custom);
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /**
   * Runs a batch. The caller has validated {@code data}: exactly {@code batch * imageSize()} finite
   * values. A model with a fixed batch dimension is run in chunks of that size.
   *
   * @param outputNames outputs to return (all must be among {@link #outputs()})
   * @return one tensor per requested output, in the requested order, batch rows concatenated
   */
  public List<RawTensor> run(float[] data, int batch, Collection<String> outputNames) {
    Set<String> names = new LinkedHashSet<>(outputNames);
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the classifier for " + source + " is closed");
      }
      if (fixedBatch < 0 || fixedBatch == batch) {
        return runOnce(data, batch, names);
      }
      return runInChunks(data, batch, names);
    } catch (OrtException e) {
      throw new InferenceException(
          "ONNX Runtime failed on a batch of " + batch + " for " + source + ": " + e.getMessage(),
          e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<RawTensor> runOnce(float[] data, int batch, Set<String> names) throws OrtException {
    long[] shape = {batch, imageShape[0], imageShape[1], imageShape[2]};
    FloatBuffer input = buffers.fill(data);
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
        OrtSession.Result result = session.run(Map.of(this.input.name(), tensor), names)) {
      List<RawTensor> out = new ArrayList<>(names.size());
      for (String name : names) {
        OnnxValue value =
            result
                .get(name)
                .orElseThrow(
                    () -> new IllegalStateException("ONNX Runtime returned no output " + name));
        OnnxTensor t = (OnnxTensor) value;
        FloatBuffer buffer = t.getFloatBuffer();
        float[] values;
        if (buffer.hasArray()
            && buffer.arrayOffset() == 0
            && buffer.array().length == buffer.remaining()) {
          values = buffer.array();
        } else {
          values = new float[buffer.remaining()];
          buffer.get(values);
        }
        out.add(new RawTensor(name, t.getInfo().getShape(), values));
      }
      return out;
    } finally {
      // after the tensor is closed: ORT no longer reads the buffer
      buffers.release(input);
    }
  }

  private List<RawTensor> runInChunks(float[] data, int batch, Set<String> names)
      throws OrtException {
    int chunk = (int) fixedBatch;
    int per = imageSize();
    List<float[]> parts = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    for (String ignored : names) {
      parts.add(null);
      shapes.add(null);
    }
    for (int start = 0; start < batch; start += chunk) {
      int n = Math.min(chunk, batch - start);
      float[] slice = new float[chunk * per]; // the last chunk is padded with zeros
      System.arraycopy(data, start * per, slice, 0, n * per);
      List<RawTensor> got = runOnce(slice, chunk, names);
      for (int i = 0; i < got.size(); i++) {
        RawTensor t = got.get(i);
        int rowSize = t.data().length / chunk;
        if (parts.get(i) == null) {
          parts.set(i, new float[batch * rowSize]);
          long[] s = t.shape().clone();
          s[0] = batch;
          shapes.set(i, s);
        }
        System.arraycopy(t.data(), 0, parts.get(i), start * rowSize, n * rowSize);
      }
    }
    List<RawTensor> out = new ArrayList<>();
    int i = 0;
    for (String name : names) {
      out.add(new RawTensor(name, shapes.get(i), parts.get(i)));
      i++;
    }
    return out;
  }

  /** Closes the session after runs in flight finish. Idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      session.close();
    } catch (OrtException e) {
      LOG.warn("closing the ONNX Runtime session for {} failed: {}", source, e.getMessage());
    } finally {
      lock.writeLock().unlock();
    }
  }

  public boolean isClosed() {
    lock.readLock().lock();
    try {
      return closed;
    } finally {
      lock.readLock().unlock();
    }
  }
}
