package dev.resltj.server.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every output of a model for one request's images, in the model's output order. */
public final class RowOutputs {
  private final Map<String, OutputRows> outputs;

  RowOutputs(List<OutputRows> outputs) {
    Map<String, OutputRows> byName = new LinkedHashMap<>();
    for (OutputRows o : outputs) {
      byName.put(o.name(), o);
    }
    this.outputs = java.util.Collections.unmodifiableMap(byName);
  }

  /** The output with this name. */
  public Optional<OutputRows> get(String name) {
    return Optional.ofNullable(outputs.get(name));
  }

  /** All outputs, in the model's order. */
  public List<OutputRows> all() {
    return List.copyOf(outputs.values());
  }
}
