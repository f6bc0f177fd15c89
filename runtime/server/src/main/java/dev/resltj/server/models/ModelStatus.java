package dev.resltj.server.models;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One model the server found, and its state.
 *
 * @param name the model's name in URLs: its file name without {@code .onnx}
 * @param file the {@code .onnx} file
 * @param state loading, ready or failed
 */
public record ModelStatus(String name, Path file, ModelState state) {
  public ModelStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(state, "state");
  }
}
