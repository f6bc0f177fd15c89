package dev.resltj.runtime.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.resltj.runtime.ClassifierOptions;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.fixtures.MnistDigits;
import dev.resltj.runtime.fixtures.OnnxFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime adds on top of ONNX Runtime: (a) a bare {@code OrtSession.run} on a ready
 * tensor, (b) {@code classify} on a float tensor, (c) {@code classify} on the PNG bytes of a 28x28
 * MNIST digit. Batch 1 is measured as latency ({@code SampleTime}: p50, p99), batch 32 as
 * throughput. The session options are the classifier's defaults in both cases (1 intra-op thread,
 * all graph optimisations), and the bare run fetches and copies the same output as classify.
 *
 * <p>The model is {@code -Dreslt.bench.model=FILE}, else {@code models/reslt-mnist-lt.onnx} when it
 * exists, else the MNIST-sized CNN fixture (about 107k parameters).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuntimeBenchmark {
  static final int BATCH = 32;

  OrtEnvironment env;
  OrtSession session;
  OnnxTensor ready1;
  OnnxTensor ready32;
  Map<String, OnnxTensor> inputs1;
  Map<String, OnnxTensor> inputs32;
  Set<String> outputs;
  ResltClassifier classifier;
  float[] pixels1;
  float[] pixels32;
  byte[] png;
  List<byte[]> pngs32;

  @Setup
  public void setUp() throws Exception {
    Path model = model();
    System.out.println("\nmodel: " + model + " (" + Files.size(model) + " bytes)");
    classifier = ResltClassifier.open(model);
    env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setIntraOpNumThreads(1);
      opts.setInterOpNumThreads(1);
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = env.createSession(model.toString(), opts);
    }
    outputs = Set.of(OnnxContract.OUTPUT_PROBABILITIES);
    List<MnistDigits.Digit> digits = MnistDigits.all();
    png = digits.get(0).png(); // a 7 from the MNIST test set, 28x28 grayscale PNG
    pixels1 = pixels(png);
    pixels32 = new float[BATCH * 784];
    pngs32 = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      byte[] p = digits.get(i % digits.size()).png();
      pngs32.add(p);
      System.arraycopy(pixels(p), 0, pixels32, i * 784, 784);
    }
    ready1 = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels1), new long[] {1, 1, 28, 28});
    ready32 =
        OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels32), new long[] {BATCH, 1, 28, 28});
    inputs1 = Map.of(OnnxContract.INPUT_IMAGE, ready1);
    inputs32 = Map.of(OnnxContract.INPUT_IMAGE, ready32);
  }

  static Path model() throws IOException {
    String property = System.getProperty("reslt.bench.model");
    if (property != null) {
      return Path.of(property);
    }
    Path committed = Path.of("models/reslt-mnist-lt.onnx");
    if (Files.isRegularFile(committed)) {
      return committed;
    }
    Path fixture = Files.createTempFile("reslt-bench-cnn", ".onnx");
    fixture.toFile().deleteOnExit();
    return Files.write(fixture, OnnxFixtures.mnistSizedCnn(3));
  }

  static float[] pixels(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    return image.getRaster().getPixels(0, 0, 28, 28, (float[]) null);
  }

  @TearDown
  public void tearDown() throws OrtException {
    ready1.close();
    ready32.close();
    session.close();
    classifier.close();
  }

  // ---- batch 1: latency ----

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public float[] a_ortRun_batch1() throws OrtException {
    return runBare(inputs1);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Prediction b_classifyTensor_batch1() {
    return classifier.classify(pixels1);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Prediction c_classifyPng_batch1() {
    return classifier.classify(png);
  }

  // ---- batch 32: throughput (operations of 32 images per second) ----

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public float[] a_ortRun_batch32() throws OrtException {
    return runBare(inputs32);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<Prediction> b_classifyTensor_batch32() {
    return classifier.classifyAll(pixels32, BATCH);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<Prediction> c_classifyPng_batch32() {
    return classifier.classifyAllEncoded(pngs32);
  }

  private float[] runBare(Map<String, OnnxTensor> inputs) throws OrtException {
    try (OrtSession.Result result = session.run(inputs, outputs)) {
      return ((OnnxTensor) result.get(0)).getFloatBuffer().array();
    }
  }
}
