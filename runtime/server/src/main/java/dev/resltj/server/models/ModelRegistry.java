package dev.resltj.server.models;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The models this server serves, and the control of what it serves. */
public interface ModelRegistry {

  /** Every model in the model folder, by name, with its state. */
  List<ModelStatus> models();

  /** The state of one model. */
  Optional<ModelStatus> status(String name);

  /**
   * The model to read facts from (card, tensors). To run a request on it, {@link #announce} it.
   *
   * @param version a version to check, or empty for the current one
   * @throws UnknownModelException when no model has this name
   * @throws UnknownVersionException when the model has no such version
   * @throws ModelNotReadyException when the model is loading, failed or unloaded
   */
  LoadedModel require(String name, Optional<String> version);

  /**
   * Announces a request to the model's batcher and holds the model open until the request is
   * answered, so a model replaced meanwhile finishes it; same exceptions as {@link #require}.
   */
  LoadedModel.Incoming announce(String name, Optional<String> version);

  /** Checks that a model exists (in any state) with that version and returns its status. */
  ModelStatus requireKnown(String name, Optional<String> version);

  /**
   * True when at least one model is ready and every model that is not unloaded is ready: a model an
   * operator unloaded does not take the server out of service.
   */
  boolean allReady();

  /**
   * Loads (or reloads) {@code <name>.onnx} from the model folder in the background, and swaps it in
   * once it is warm; requests keep running on the model loaded before until then.
   *
   * @return completes with the model's new status when it is ready, or with {@link
   *     ModelLoadFailedException} (the model loaded before, if any, keeps serving)
   * @throws UnknownModelException when the folder holds no such file
   */
  CompletableFuture<ModelStatus> load(String name);

  /**
   * Stops serving a model: new requests get 503, requests in progress finish, then its session is
   * freed. Runs after any load already asked for.
   *
   * @return completes with the model's status once new requests are refused
   * @throws UnknownModelException when no model has this name
   */
  CompletableFuture<ModelStatus> unload(String name);
}
