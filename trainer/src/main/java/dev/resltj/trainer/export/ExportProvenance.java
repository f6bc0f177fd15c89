package dev.resltj.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resltj.trainer.provenance.Provenance;
import dev.resltj.trainer.storage.JsonFiles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The {@code reslt.provenance} object: the run's {@code provenance.json} as written (it knows the
 * training machine, data hashes and time), or this process's when the run has none, plus when and
 * by which version the model was exported.
 */
final class ExportProvenance {
  private ExportProvenance() {}

  /** This process's provenance (no data files: the export reads none). */
  static ObjectNode ofThisProcess() {
    ObjectNode node = JsonFiles.mapper().valueToTree(Provenance.capture(List.of()));
    return stamped(node);
  }

  static ObjectNode merged(JsonNode fromRun) {
    return stamped(fromRun.deepCopy());
  }

  private static ObjectNode stamped(ObjectNode node) {
    node.put("exportedUtc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    node.put("exportedBy", Provenance.PRODUCER + " " + Provenance.trainerVersion());
    return node;
  }
}
