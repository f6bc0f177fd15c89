package dev.resltj.trainer.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What sits on the shared trunk: {@code branches} copies of {@code branchLayers}, each followed by
 * global average pooling and a linear classifier over all classes. With one branch this is a plain
 * classifier (the baselines); with three it is ResLT (h+m+t, m+t, t), whose fused logits are the
 * sum of the branch logits. The classifier is one shared linear layer (the authors' ImageNet
 * design) or one per branch (the MNIST reference).
 */
public record Head(int branches, List<Layer> branchLayers, boolean sharedClassifier) {
  public Head {
    if (branches != 1 && branches != 3) {
      throw new IllegalArgumentException("a head has 1 branch or 3 (ResLT), got " + branches);
    }
    branchLayers = List.copyOf(branchLayers);
  }

  /**
   * Names of the branches in output order: {@code hmt, mt, t} for ResLT, {@code main} otherwise.
   */
  public List<String> branchNames() {
    return isReslt() ? List.of("hmt", "mt", "t") : List.of("main");
  }

  @JsonIgnore
  public boolean isReslt() {
    return branches == 3;
  }

  @JsonIgnore
  public BranchStyle style() {
    if (!isReslt()) {
      return BranchStyle.SINGLE;
    }
    return sharedClassifier ? BranchStyle.PAPER : BranchStyle.SEPARATE;
  }
}
