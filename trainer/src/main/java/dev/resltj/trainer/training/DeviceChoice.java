package dev.resltj.trainer.training;

import ai.djl.Device;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The device a user asks for: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N}, or {@code
 * auto} (the first GPU when the engine sees one, else the CPU). {@link #resolve} turns it into the
 * device a run uses, or says why it cannot.
 */
public record DeviceChoice(Kind kind, int gpuIndex) {

  /** What was asked. */
  public enum Kind {
    CPU,
    GPU,
    AUTO
  }

  public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, 0);

  public DeviceChoice {
    if (kind == null) {
      throw new IllegalArgumentException("device kind is required");
    }
    if (gpuIndex < 0) {
      throw new IllegalArgumentException("GPU index must be >= 0, got " + gpuIndex);
    }
  }

  /** Parses {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}. */
  @JsonCreator
  public static DeviceChoice parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "cpu":
        return CPU;
      case "gpu":
        return new DeviceChoice(Kind.GPU, 0);
      case "auto":
        return new DeviceChoice(Kind.AUTO, 0);
      default:
        break;
    }
    if (t.startsWith("gpu:")) {
      try {
        return new DeviceChoice(Kind.GPU, Integer.parseInt(t.substring(4)));
      } catch (IllegalArgumentException e) {
        // falls through to the message below
      }
    }
    throw new IllegalArgumentException(
        "device must be cpu, gpu, gpu:N (N >= 0) or auto, got '" + text + "'");
  }

  /** The form users type; also the JSON form in {@code run.json}. */
  @JsonValue
  public String id() {
    return switch (kind) {
      case CPU -> "cpu";
      case AUTO -> "auto";
      case GPU -> "gpu:" + gpuIndex;
    };
  }

  /** What a run uses, and a line for the user when {@code auto} decided it. */
  public record Resolved(Device device, String note) {}

  /**
   * The device to train on, given how many GPUs the engine sees.
   *
   * @throws InvalidRunException when a GPU is asked for and there is no such GPU
   */
  public Resolved resolve(int gpusFound, String engineFlavor) {
    return switch (kind) {
      case CPU -> new Resolved(Device.cpu(), "");
      case AUTO ->
          gpusFound > 0
              ? new Resolved(Device.gpu(0), "--device auto: training on GPU 0")
              : new Resolved(
                  Device.cpu(),
                  "--device auto: no GPU found (engine " + engineFlavor + "), training on the CPU");
      case GPU -> {
        if (gpuIndex >= gpusFound) {
          throw new InvalidRunException(
              "--device "
                  + id()
                  + ": the engine sees "
                  + (gpusFound == 0
                      ? "no GPU"
                      : gpusFound + " GPU(s), numbered 0.." + (gpusFound - 1))
                  + " (PyTorch engine "
                  + engineFlavor
                  + "); a GPU needs an NVIDIA driver and the CUDA build of the engine"
                  + " (docs/training.md, 'Devices'); use --device cpu or auto");
        }
        yield new Resolved(Device.gpu(gpuIndex), "");
      }
    };
  }

  @Override
  public String toString() {
    return id();
  }
}
