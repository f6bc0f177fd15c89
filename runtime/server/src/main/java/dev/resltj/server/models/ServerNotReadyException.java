package dev.resltj.server.models;

import java.util.List;
import java.util.stream.Collectors;

/** Not every model is loaded and warm yet (or one failed): the server is not ready (503). */
public final class ServerNotReadyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServerNotReadyException(List<ModelStatus> models) {
    super(describe(models));
  }

  private static String describe(List<ModelStatus> models) {
    if (models.isEmpty()) {
      return "not ready: no models were found in the model folder (reslt.models.dir)";
    }
    return "not ready: "
        + models.stream()
            .filter(m -> !m.state().isReady())
            .map(m -> "model '" + m.name() + "' " + m.state().describe())
            .collect(Collectors.joining("; "));
  }
}
