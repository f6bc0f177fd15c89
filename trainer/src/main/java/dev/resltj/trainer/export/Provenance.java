package dev.resltj.trainer.export;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resltj.trainer.storage.JsonFiles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/** The {@code reslt.provenance} object: the run's own record plus what this export adds. */
final class Provenance {
  static final String PRODUCER_NAME = "reslt-j";

  private Provenance() {}

  /** This process's producer, library versions, JVM, OS and CPU, and the export time. */
  static ObjectNode ofThisProcess() {
    ObjectNode node = JsonFiles.mapper().createObjectNode();
    node.put("producer", PRODUCER_NAME);
    node.put("producer_version", producerVersion());
    node.put("exported_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    node.put("djl", Engine.getDjlVersion());
    node.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    node.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    node.put("cpus", Runtime.getRuntime().availableProcessors());
    return node;
  }

  /**
   * The run's {@code provenance.json} (kept as written: it knows the training machine, data hashes
   * and times) with this export's fields added where the run has none.
   */
  static ObjectNode merged(JsonNode fromRun) {
    ObjectNode node = fromRun.deepCopy();
    ObjectNode now = ofThisProcess();
    for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!node.has(field.getKey())) {
        node.set(field.getKey(), field.getValue());
      }
    }
    node.put("exported_at", now.get("exported_at").asText());
    return node;
  }

  /** The trainer jar's version, {@code dev} when run from classes. */
  static String producerVersion() {
    String version = Provenance.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
