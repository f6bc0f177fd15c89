package dev.resltj.trainer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodTest {
  private static final ClassGroups GROUPS =
      new ClassGroups(GroupThresholds.MNIST_LT, List.of(2000, 500, 50));

  @Test
  void parsesTheNamesUsersType() {
    assertThat(Method.fromId("reslt-branch-sampling")).isEqualTo(Method.RESLT_BRANCH_SAMPLING);
    assertThat(Method.fromId(" CE-Balanced ")).isEqualTo(Method.CE_BALANCED);
  }

  @Test
  void unknownNameListsTheValidOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Method.fromId("focal"));
    assertThat(e)
        .hasMessageContaining("'focal'")
        .hasMessageContaining(
            "ce, ce-balanced, logit-adjusted, reslt, reslt-branch-sampling, reslt-la");
  }

  @Test
  void onlyResltMethodsUseThreeBranches() {
    assertThat(Method.RESLT.resltHead()).isTrue();
    assertThat(Method.RESLT_LA.resltHead()).isTrue();
    assertThat(Method.LOGIT_ADJUSTED.resltHead()).isFalse();
    assertThat(Method.CE_BALANCED.sampling()).isEqualTo(Method.Sampling.CLASS_BALANCED);
    assertThat(Method.RESLT_BRANCH_SAMPLING.sampling()).isEqualTo(Method.Sampling.PER_BRANCH);
  }

  @Test
  void eachMethodBuildsItsOwnObjective() {
    assertThat(Method.CE.newLoss(0.5, GROUPS)).isInstanceOf(CrossEntropyLoss.class);
    assertThat(Method.LOGIT_ADJUSTED.newLoss(0.5, GROUPS)).isInstanceOf(LogitAdjustedLoss.class);
    assertThat(Method.RESLT.newLoss(0.5, GROUPS)).isInstanceOf(ResltLoss.class);
    assertThat(Method.RESLT_BRANCH_SAMPLING.newLoss(0.5, GROUPS))
        .isInstanceOf(BranchSamplingLoss.class);
  }
}
