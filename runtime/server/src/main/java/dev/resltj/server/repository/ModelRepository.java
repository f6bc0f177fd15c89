package dev.resltj.server.repository;

import dev.resltj.server.error.InvalidRequestException;
import dev.resltj.server.models.ModelRegistry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Index, load and unload over the registry, as the REST controller and the gRPC service use it. */
@Singleton
public final class ModelRepository {
  private static final Set<String> UNLOAD_PARAMETERS = Set.of("unload_dependents");

  private final ModelRegistry registry;

  ModelRepository(ModelRegistry registry) {
    this.registry = registry;
  }

  /** Every model in the folder, or only the ready ones. */
  public List<ModelIndexEntry> index(boolean readyOnly) {
    return registry.models().stream()
        .map(ModelIndexEntry::of)
        .filter(e -> !readyOnly || e.ready())
        .toList();
  }

  /**
   * Loads or reloads a model; completes when it is ready or failed.
   *
   * @param parameters the names of the request's parameters (none are taken)
   */
  public CompletableFuture<ModelIndexEntry> load(String name, Set<String> parameters) {
    refuse(parameters, Set.of(), "load");
    return registry.load(name).thenApply(ModelIndexEntry::of);
  }

  /** Unloads a model; completes when new requests are refused (requests in progress finish). */
  public CompletableFuture<ModelIndexEntry> unload(String name, Set<String> parameters) {
    refuse(parameters, UNLOAD_PARAMETERS, "unload");
    return registry.unload(name).thenApply(ModelIndexEntry::of);
  }

  private static void refuse(Set<String> parameters, Set<String> taken, String call) {
    List<String> unknown = parameters.stream().filter(p -> !taken.contains(p)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(
          call
              + " takes "
              + (taken.isEmpty() ? "no parameters" : "only the parameters " + taken)
              + ", got "
              + unknown
              + ": models are loaded from <name>.onnx in the model folder as they are");
    }
  }
}
