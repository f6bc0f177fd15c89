package dev.resltj.trainer.data;

/** What a sampler does when an epoch's images do not fill the last batch. */
public enum PartialBatch {
  /**
   * The last batch of an epoch is smaller: every image is seen exactly once per epoch, with {@code
   * ceil(N / batch)} steps. The default for the main batch.
   */
  KEEP,
  /** The incomplete last batch is skipped: {@code floor(N / batch)} steps, all batches full. */
  DROP,
  /**
   * Batches are always full: when the shuffled images run out, they are reshuffled and the batch is
   * completed from the new order ({@code ceil(N / batch)} steps). For ResLT's branch batches drawn
   * from the medium+tail and tail images, which may hold fewer images than one batch.
   */
  FILL
}
