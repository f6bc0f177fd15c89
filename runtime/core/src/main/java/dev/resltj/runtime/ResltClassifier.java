package dev.resltj.runtime;

import dev.resltj.runtime.card.ModelCardReader;
import dev.resltj.runtime.onnx.OnnxModel;
import dev.resltj.runtime.onnx.RawTensor;
import dev.resltj.runtime.postprocess.ClassProbabilities;
import dev.resltj.runtime.postprocess.TopK;
import dev.resltj.runtime.preprocess.PixelImage;
import dev.resltj.runtime.preprocess.Preprocessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Classifies images with a ResLT-J model (or any ONNX image classifier whose input is float32
 * {@code [N, C, H, W]}) on ONNX Runtime.
 *
 * <pre>{@code
 * try (ResltClassifier classifier = ResltClassifier.open(Path.of("reslt-mnist-lt.onnx"))) {
 *   Prediction p = classifier.classify(Files.readAllBytes(Path.of("digit.png")));
 *   System.out.println(p.label() + " " + p.probability());
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance holds one ONNX Runtime session, shared by every thread (ORT runs are
 * thread-safe), so open a model once and share the classifier. {@link #close()} waits for calls in
 * flight, then frees the native session; calls after it throw {@link IllegalStateException}.
 *
 * <p>Images are prepared as the model's card says (channels, size, value range, polarity, and image
 * kind: drawings may be inverted and centred, photos are centre-cropped and never inverted): see
 * {@link Preprocessor}. Tensors are taken as they are, in the model's layout and value range.
 */
public final class ResltClassifier implements AutoCloseable {
  private final OnnxModel model;
  private final ModelCard card;
  private final ClassifierOptions options;
  private final Preprocessor preprocessor;
  private final OutputRoles roles;
  private final int imageSize;

  private ResltClassifier(OnnxModel model, ClassifierOptions options) {
    this.model = model;
    this.options = options;
    this.roles = OutputRoles.of(model);
    OnnxModel.Metadata metadata = model.metadata();
    this.card =
        ModelCardReader.read(
            metadata.custom(),
            metadata.producer(),
            new ModelCardReader.GraphFacts(
                model.channels(), model.height(), model.width(), roles.classes()));
    this.preprocessor = new Preprocessor(card.input(), options);
    this.imageSize = model.imageSize();
    for (int batch : options.warmUpBatchSizes()) {
      float[] blank = new float[batch * imageSize];
      Arrays.fill(blank, card.input().valueMin());
      try {
        predict(blank, batch);
      } catch (InferenceException e) {
        throw new ModelLoadException(
            model.source() + ": the warm-up run at batch " + batch + " failed: " + e.getMessage(),
            e);
      }
    }
  }

  // ---- opening ----

  /** Opens an {@code .onnx} file with {@link ClassifierOptions#defaults()}. */
  public static ResltClassifier open(Path model) {
    return open(model, ClassifierOptions.defaults());
  }

  /**
   * Opens an {@code .onnx} file.
   *
   * @throws ModelLoadException when the file is missing, not ONNX, or not an image classifier
   */
  public static ResltClassifier open(Path model, ClassifierOptions options) {
    if (model == null) {
      throw new ModelLoadException("model path is null: expected the path of an .onnx file");
    }
    Objects.requireNonNull(options, "options");
    return create(OnnxModel.open(model, options), options);
  }

  /** Opens a model from the bytes of an {@code .onnx} file, with default options. */
  public static ResltClassifier open(byte[] model) {
    return open(model, ClassifierOptions.defaults());
  }

  /** Opens a model from the bytes of an {@code .onnx} file. */
  public static ResltClassifier open(byte[] model, ClassifierOptions options) {
    Objects.requireNonNull(options, "options");
    return create(OnnxModel.open(model, "model bytes", options), options);
  }

  /** Reads a model from a stream (not closed here), with default options. */
  public static ResltClassifier open(InputStream model) {
    return open(model, ClassifierOptions.defaults());
  }

  /** Reads a model from a stream to its end; the caller closes the stream. */
  public static ResltClassifier open(InputStream model, ClassifierOptions options) {
    if (model == null) {
      throw new ModelLoadException("model stream is null: expected the bytes of an .onnx file");
    }
    Objects.requireNonNull(options, "options");
    byte[] bytes;
    try {
      bytes = model.readAllBytes();
    } catch (IOException e) {
      throw new ModelLoadException("cannot read the model stream: " + e.getMessage(), e);
    }
    return create(OnnxModel.open(bytes, "model stream", options), options);
  }

  /** Opens a model packaged on the class path (for example inside your jar), default options. */
  public static ResltClassifier openResource(String resource) {
    return openResource(resource, ClassifierOptions.defaults());
  }

  /**
   * Opens a model packaged on the class path, looked up through the thread's context class loader,
   * then this library's.
   *
   * @param resource a resource name such as {@code models/digits.onnx} (a leading '/' is ignored)
   */
  public static ResltClassifier openResource(String resource, ClassifierOptions options) {
    if (resource == null || resource.isBlank()) {
      throw new ModelLoadException("resource name is empty: expected a path like models/x.onnx");
    }
    Objects.requireNonNull(options, "options");
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(name);
    if (in == null) {
      in = ResltClassifier.class.getClassLoader().getResourceAsStream(name);
    }
    if (in == null) {
      throw new ModelLoadException("no class-path resource '" + name + "'");
    }
    byte[] bytes;
    try (InputStream stream = in) {
      bytes = stream.readAllBytes();
    } catch (IOException e) {
      throw new ModelLoadException("cannot read class-path resource '" + name + "'", e);
    }
    return create(OnnxModel.open(bytes, "class-path resource " + name, options), options);
  }

  private static ResltClassifier create(OnnxModel model, ClassifierOptions options) {
    try {
      return new ResltClassifier(model, options);
    } catch (RuntimeException e) {
      model.close();
      if (e instanceof ResltException) {
        throw e;
      }
      throw new ModelLoadException(model.source() + ": " + e.getMessage(), e);
    }
  }

  // ---- what the model is ----

  /** The model's metadata: labels, groups, input, metrics, provenance. */
  public ModelCard modelCard() {
    return card;
  }

  /** The options this classifier was opened with. */
  public ClassifierOptions options() {
    return options;
  }

  /** The model's input: name and shape {@code [-1, C, H, W]} (or a fixed batch size). */
  public TensorSpec input() {
    return model.input();
  }

  /** The model's float32 outputs (for ResLT-J models: logits, probabilities, branch logits). */
  public List<TensorSpec> outputs() {
    return model.outputs();
  }

  /**
   * The output predictions are read from: {@code probabilities}, else {@code logits}, else the
   * model's first {@code [N, classes]} output (docs/onnx-contract.md). The server reads the same.
   */
  public String scoresOutput() {
    return roles.scores();
  }

  /** How the rows of {@link #scoresOutput()} become class probabilities. */
  public ClassProbabilities scoresToProbabilities() {
    return roles.toProbabilities();
  }

  /** Values in one input image: C x H x W. */
  public int imageSize() {
    return imageSize;
  }

  // ---- classifying ----

  /** Classifies one decoded image. */
  public Prediction classify(BufferedImage image) {
    return predict(prepare(image), 1).get(0);
  }

  /**
   * Classifies one encoded image (PNG, JPEG, BMP or GIF).
   *
   * @throws UnsupportedImageException when the bytes are not a decodable image of those formats
   * @throws ImageTooLargeException when the header declares more than the configured maximum
   */
  public Prediction classify(byte[] encodedImage) {
    return predict(prepare(encodedImage), 1).get(0);
  }

  /** Reads an image file and classifies it. */
  public Prediction classify(Path imageFile) {
    return classify(readImageFile(imageFile));
  }

  /**
   * Classifies one image given as a tensor in the model's layout: {@code C x H x W} values,
   * channel-major, in the model's value range (0..255 for MNIST models).
   *
   * @throws InvalidInputException when the length is not {@link #imageSize()} or a value is not
   *     finite
   */
  public Prediction classify(float[] pixels) {
    return classifyAll(pixels, 1).get(0);
  }

  /**
   * Classifies raw pixels of any size, prepared like a decoded image: values 0..255, channel-major
   * ({@link PixelImage#of}), 1 (gray), 3 (RGB) or 4 (RGBA) channels. Unlike {@link
   * #classify(float[])} the size and channels need not be the model's: the image is converted and
   * resized as the model card says (a photo model's RGB pixels are centre-cropped, never inverted).
   *
   * @throws InvalidInputException for a value outside 0..255, unsupported channels, or a size
   *     outside the configured limits
   */
  public Prediction classify(PixelImage image) {
    return predict(prepare(image), 1).get(0);
  }

  /** Classifies decoded images in one model run. */
  public List<Prediction> classifyAll(List<BufferedImage> images) {
    requireNonEmpty(images, "images");
    float[] batch = new float[Math.multiplyExact(images.size(), imageSize)];
    for (int i = 0; i < images.size(); i++) {
      try {
        preprocessor.prepare(images.get(i)).copyTo(batch, i * imageSize);
      } catch (InvalidInputException e) {
        throw inBatch(e, i, images.size());
      }
    }
    return predict(batch, images.size());
  }

  /** Decodes and classifies encoded images (PNG, JPEG, BMP, GIF) in one model run. */
  public List<Prediction> classifyAllEncoded(List<byte[]> encodedImages) {
    requireNonEmpty(encodedImages, "encodedImages");
    float[] batch = new float[Math.multiplyExact(encodedImages.size(), imageSize)];
    for (int i = 0; i < encodedImages.size(); i++) {
      try {
        preprocessor.prepare(encodedImages.get(i)).copyTo(batch, i * imageSize);
      } catch (InvalidInputException e) {
        throw inBatch(e, i, encodedImages.size());
      }
    }
    return predict(batch, encodedImages.size());
  }

  /**
   * Classifies {@code count} images given back to back as one {@code [count, C, H, W]} row-major
   * tensor, in one model run.
   */
  public List<Prediction> classifyAll(float[] pixels, int count) {
    validateTensor(pixels, count);
    return predict(pixels, count);
  }

  // ---- for servers: preparation and raw runs ----

  /**
   * Decodes and prepares an encoded image into the model's input layout ({@code C x H x W} values),
   * without running the model: lets a server prepare on request threads and batch.
   */
  public float[] prepare(byte[] encodedImage) {
    return preprocessor.prepare(encodedImage).toArray();
  }

  /** Prepares a decoded image into the model's input layout; see {@link #prepare(byte[])}. */
  public float[] prepare(BufferedImage image) {
    return preprocessor.prepare(image).toArray();
  }

  /**
   * Prepares raw 0..255 pixels into the model's input layout; see {@link #classify(PixelImage)}.
   */
  public float[] prepare(PixelImage image) {
    return preprocessor.prepare(image).toArray();
  }

  /**
   * Runs the model on a {@code [batch, C, H, W]} row-major tensor and returns the requested outputs
   * by name, batch rows concatenated.
   *
   * @param outputNames names among {@link #outputs()}; empty for all of them
   * @throws InvalidInputException for a wrong length, non-finite values or an unknown output
   */
  public Map<String, OutputTensor> run(float[] pixels, int batch, Collection<String> outputNames) {
    validateTensor(pixels, batch);
    if (outputNames == null) {
      throw new InvalidInputException("output names are null: expected a list, empty for all");
    }
    Set<String> known = model.outputs().stream().map(TensorSpec::name).collect(Collectors.toSet());
    List<String> names = new ArrayList<>();
    if (outputNames.isEmpty()) {
      model.outputs().forEach(o -> names.add(o.name()));
    } else {
      for (String name : outputNames) {
        if (!known.contains(name)) {
          throw new InvalidInputException(
              "unknown output '" + name + "': the model's outputs are " + known);
        }
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    Map<String, OutputTensor> out = new LinkedHashMap<>();
    for (RawTensor t : model.run(pixels, batch, names)) {
      out.put(t.name(), new OutputTensor(t.name(), t.shape(), t.data()));
    }
    return Collections.unmodifiableMap(out);
  }

  // ---- internals ----

  private List<Prediction> predict(float[] batch, int count) {
    boolean logits = options.includeLogits();
    List<RawTensor> outs = model.run(batch, count, roles.predictionOutputs(logits));
    return roles.predictions(outs, count, card, options.topK(), logits);
  }

  private void validateTensor(float[] pixels, int count) {
    if (pixels == null) {
      throw new InvalidInputException(
          "tensor is null: expected " + describeShape(Math.max(count, 1)) + " float values");
    }
    if (count < 1) {
      throw new InvalidInputException("batch size is " + count + ": expected at least 1");
    }
    long expected = (long) count * imageSize;
    if (pixels.length != expected) {
      throw new InvalidInputException(
          "tensor has "
              + pixels.length
              + " values: expected "
              + expected
              + " for "
              + describeShape(count));
    }
    for (int i = 0; i < pixels.length; i++) {
      float v = pixels[i];
      if (!Float.isFinite(v)) {
        throw new InvalidInputException(
            "tensor value "
                + v
                + " at "
                + describeIndex(i)
                + ": expected finite pixel values in "
                + card.input().valueMin()
                + ".."
                + card.input().valueMax());
      }
    }
  }

  private String describeShape(int count) {
    return "["
        + count
        + ", "
        + model.channels()
        + ", "
        + model.height()
        + ", "
        + model.width()
        + "] (batch, channels, height, width)";
  }

  private String describeIndex(int flat) {
    int image = flat / imageSize;
    int rest = flat % imageSize;
    int plane = model.height() * model.width();
    int channel = rest / plane;
    int row = (rest % plane) / model.width();
    int column = rest % model.width();
    return "image " + image + ", channel " + channel + ", row " + row + ", column " + column;
  }

  /** The same exception type, its message prefixed with which image of the batch failed. */
  private static InvalidInputException inBatch(InvalidInputException e, int index, int count) {
    String context = "image " + index + " of " + count + ": ";
    if (e instanceof ImageTooLargeException tooLarge) {
      return new ImageTooLargeException(context, tooLarge);
    }
    if (e instanceof UnsupportedImageException) {
      return new UnsupportedImageException(context + e.getMessage(), e);
    }
    return new InvalidInputException(context + e.getMessage(), e);
  }

  private static void requireNonEmpty(List<?> list, String what) {
    if (list == null || list.isEmpty()) {
      throw new InvalidInputException(what + " is empty: expected at least one image");
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new InvalidInputException(what + "[" + i + "] is null: expected an image");
      }
    }
  }

  private static byte[] readImageFile(Path file) {
    if (file == null) {
      throw new InvalidInputException("image path is null: expected an image file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read image file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Frees the native session after calls in flight finish. Idempotent. */
  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return "ResltClassifier["
        + model.source()
        + ", "
        + card.classCount()
        + " classes, input "
        + model.input().shape()
        + "]";
  }

  /** Which outputs give probabilities and logits, and how to turn them into predictions. */
  private record OutputRoles(
      Optional<String> probabilities, Optional<String> logits, String scores, int classes) {

    static OutputRoles of(OnnxModel model) {
      List<TensorSpec> outputs = model.outputs();
      Optional<TensorSpec> probs = find(outputs, OnnxContract.OUTPUT_PROBABILITIES);
      Optional<TensorSpec> logits = find(outputs, OnnxContract.OUTPUT_LOGITS);
      TensorSpec main;
      if (probs.isPresent()) {
        main = probs.get();
      } else if (logits.isPresent()) {
        main = logits.get();
      } else {
        main =
            outputs.stream()
                .filter(o -> o.shape().size() == 2)
                .findFirst()
                .orElseThrow(
                    () ->
                        new ModelLoadException(
                            model.source()
                                + " has no float32 [N, classes] output: expected '"
                                + OnnxContract.OUTPUT_PROBABILITIES
                                + "' or '"
                                + OnnxContract.OUTPUT_LOGITS
                                + "' (or any one [N, classes] output), found "
                                + outputs));
      }
      if (main.shape().size() != 2) {
        throw new ModelLoadException(
            model.source()
                + ": output '"
                + main.name()
                + "' has shape "
                + main.shape()
                + ": expected [N, classes]");
      }
      int classes = main.shape().get(1).intValue();
      return new OutputRoles(
          probs.map(TensorSpec::name), logits.map(TensorSpec::name), main.name(), classes);
    }

    ClassProbabilities toProbabilities() {
      return ClassProbabilities.forOutputs(probabilities.isPresent(), logits.isPresent());
    }

    private static Optional<TensorSpec> find(List<TensorSpec> outputs, String name) {
      return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    List<String> predictionOutputs(boolean includeLogits) {
      List<String> names = new ArrayList<>(2);
      names.add(scores);
      if (includeLogits && logits.isPresent() && !logits.get().equals(scores)) {
        names.add(logits.get());
      }
      return names;
    }

    List<Prediction> predictions(
        List<RawTensor> outs, int count, ModelCard card, int topK, boolean includeLogits) {
      float[] main = outs.get(0).data();
      int k = card.classCount();
      if (main.length != (long) count * k) {
        throw new InferenceException(
            "output '" + scores + "' has " + main.length + " values for " + count + " x " + k,
            null);
      }
      float[] logitValues = null;
      if (outs.size() > 1) {
        logitValues = outs.get(1).data();
      } else if (probabilities.isEmpty()) {
        logitValues = main; // the main output is logits (or unlabelled scores)
      }
      float[] probs = toProbabilities().of(main, k);
      List<Prediction> predictions = new ArrayList<>(count);
      for (int row = 0; row < count; row++) {
        int offset = row * k;
        int[] best = TopK.select(probs, offset, k, topK);
        List<ClassScore> scores = new ArrayList<>(best.length);
        for (int index : best) {
          float p = probs[offset + index];
          if (Float.isNaN(p)) {
            throw new InferenceException(
                "the model produced NaN for class " + index + " of image " + row, null);
          }
          scores.add(
              new ClassScore(
                  card.labels().get(index),
                  index,
                  Math.max(0f, Math.min(1f, p)),
                  card.groupOf(index)));
        }
        Optional<Logits> l =
            includeLogits && logitValues != null
                ? Optional.of(Logits.copyOf(logitValues, offset, k))
                : Optional.empty();
        predictions.add(new Prediction(scores, l));
      }
      return predictions;
    }
  }
}
