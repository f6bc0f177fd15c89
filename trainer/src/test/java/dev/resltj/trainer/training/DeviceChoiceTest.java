package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

  @Test
  void parsesEveryFormUsersType() {
    assertThat(DeviceChoice.parse("cpu")).isEqualTo(DeviceChoice.CPU);
    assertThat(DeviceChoice.parse("GPU").id()).isEqualTo("gpu:0");
    assertThat(DeviceChoice.parse("gpu:3").gpuIndex()).isEqualTo(3);
    assertThat(DeviceChoice.parse(" auto ").kind()).isEqualTo(DeviceChoice.Kind.AUTO);
  }

  @Test
  void rejectsAnUnknownDeviceListingTheChoices() {
    var e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("gpu:x"));
    assertThat(e)
        .hasMessageContaining("cpu, gpu, gpu:N (N >= 0) or auto")
        .hasMessageContaining("'gpu:x'");
    assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("gpu:-1"));
    assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu"));
  }

  @Test
  void gpuWithoutAGpuSaysWhatWasFound() {
    var e =
        assertThrows(
            InvalidRunException.class, () -> DeviceChoice.parse("gpu").resolve(0, "PyTorch 2.7.1"));
    assertThat(e).hasMessageContaining("no GPU").hasMessageContaining("PyTorch 2.7.1");
    var beyond =
        assertThrows(
            InvalidRunException.class,
            () -> DeviceChoice.parse("gpu:2").resolve(2, "PyTorch 2.7.1"));
    assertThat(beyond).hasMessageContaining("2 GPU(s), numbered 0..1");
  }

  @Test
  void autoFallsBackToTheCpuAndSaysSo() {
    DeviceChoice.Resolved r = DeviceChoice.parse("auto").resolve(0, "PyTorch 2.7.1");
    assertThat(r.device()).isEqualTo(Device.cpu());
    assertThat(r.note()).contains("no GPU found").contains("CPU");
    assertThat(DeviceChoice.parse("auto").resolve(1, "PyTorch 2.7.1").device())
        .isEqualTo(Device.gpu(0));
  }
}
