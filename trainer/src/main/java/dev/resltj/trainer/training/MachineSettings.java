package dev.resltj.trainer.training;

/**
 * Where a run computes.
 *
 * @param device the device asked for ({@link DeviceChoice})
 * @param threads intra-op threads of the engine on the CPU
 */
public record MachineSettings(DeviceChoice device, int threads) {

  public MachineSettings {
    if (device == null) {
      throw new IllegalArgumentException("device is required");
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in 1..1024, got " + threads);
    }
  }
}
