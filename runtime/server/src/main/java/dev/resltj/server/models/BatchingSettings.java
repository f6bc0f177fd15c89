package dev.resltj.server.models;

import dev.resltj.server.batching.BatchingPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Dynamic batching ({@code reslt.batching.*}), the same for every model except that batching can be
 * switched off for some.
 *
 * @param enabled merge concurrent requests into shared runs (for every model not in {@code
 *     disabledFor})
 * @param disabledFor names of models whose requests always run alone
 * @param maxBatchSize most images in one run
 * @param maxQueueDelay longest wait for a batch to fill with requests the server is still reading
 * @param maxQueueSize most images waiting per model; beyond it requests get 503 at once
 * @param deadline a request not answered within this gets 504 and leaves the queue
 * @param workers runs in progress at once per model
 */
@ConfigurationProperties("reslt.batching")
public record BatchingSettings(
    @Bindable(defaultValue = "true") boolean enabled,
    @Nullable List<String> disabledFor,
    @Bindable(defaultValue = "8") int maxBatchSize,
    @Bindable(defaultValue = "1ms") Duration maxQueueDelay,
    @Bindable(defaultValue = "1024") int maxQueueSize,
    @Bindable(defaultValue = "5s") Duration deadline,
    @Bindable(defaultValue = "2") int workers) {

  public BatchingSettings {
    disabledFor =
        disabledFor == null
            ? List.of()
            : disabledFor.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    // validates every value once, at startup, with the policy's messages
    new BatchingPolicy(enabled, maxBatchSize, maxQueueDelay, maxQueueSize, deadline, workers);
  }

  /** The policy for one model. */
  public BatchingPolicy policyFor(String model) {
    boolean merge = enabled && !Set.copyOf(disabledFor).contains(model);
    return new BatchingPolicy(merge, maxBatchSize, maxQueueDelay, maxQueueSize, deadline, workers);
  }
}
