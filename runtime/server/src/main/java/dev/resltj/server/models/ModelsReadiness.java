package dev.resltj.server.models;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/** Puts the models into micronaut-management's {@code /health} and {@code /health/readiness}. */
@Singleton
@Readiness
final class ModelsReadiness implements HealthIndicator {
  private final ModelRegistry registry;

  ModelsReadiness(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, String> details = new LinkedHashMap<>();
    registry.models().forEach(m -> details.put(m.name(), m.state().describe()));
    HealthStatus status = registry.allReady() ? HealthStatus.UP : HealthStatus.DOWN;
    return Publishers.just(HealthResult.builder("models", status).details(details).build());
  }
}
