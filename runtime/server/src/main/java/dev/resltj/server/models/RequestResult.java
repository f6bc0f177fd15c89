package dev.resltj.server.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every output tensor of a model for one request's images, in the model's output order: what the
 * batcher hands back to one caller.
 *
 * @see RequestTensor
 */
public final class RequestResult {
  private final Map<String, RequestTensor> outputs;

  RequestResult(List<RequestTensor> outputs) {
    Map<String, RequestTensor> byName = new LinkedHashMap<>();
    for (RequestTensor o : outputs) {
      byName.put(o.name(), o);
    }
    this.outputs = java.util.Collections.unmodifiableMap(byName);
  }

  /** The output with this name. */
  public Optional<RequestTensor> get(String name) {
    return Optional.ofNullable(outputs.get(name));
  }

  /** All outputs, in the model's order. */
  public List<RequestTensor> all() {
    return List.copyOf(outputs.values());
  }
}
