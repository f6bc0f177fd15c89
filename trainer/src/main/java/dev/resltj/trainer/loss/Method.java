package dev.resltj.trainer.loss;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.resltj.trainer.data.ClassGroups;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A training method as the user names it on the command line and in {@code run.json}. */
public enum Method {
  /** Single classifier, instance sampling, plain cross-entropy. */
  CE("ce", false, Sampling.INSTANCE),
  /** Single classifier, class-balanced sampling, plain cross-entropy. */
  CE_BALANCED("ce-balanced", false, Sampling.CLASS_BALANCED),
  /** Single classifier, cross-entropy on logits + tau * log(prior) (Menon et al. 2021). */
  LOGIT_ADJUSTED("logit-adjusted", false, Sampling.INSTANCE),
  /** ResLT as the paper defines it: one batch, a 0/1 mask per branch. */
  RESLT("reslt", true, Sampling.INSTANCE),
  /** ResLT as the MNIST reference trains it: one instance-sampled batch per branch. */
  RESLT_BRANCH_SAMPLING("reslt-branch-sampling", true, Sampling.PER_BRANCH),
  /** ResLT whose fusion term is the logit-adjusted cross-entropy; branch term as {@link #RESLT}. */
  RESLT_LA("reslt-la", true, Sampling.INSTANCE);

  /** How the training batches of a method are drawn. */
  public enum Sampling {
    /** Every training image equally likely. */
    INSTANCE,
    /** Every class equally likely, then an image of that class. */
    CLASS_BALANCED,
    /** Three instance-sampled batches: all images, medium+tail images, tail images. */
    PER_BRANCH
  }

  private final String id;
  private final boolean resltHead;
  private final Sampling sampling;

  Method(String id, boolean resltHead, Sampling sampling) {
    this.id = id;
    this.resltHead = resltHead;
    this.sampling = sampling;
  }

  /** The name users type ({@code reslt-branch-sampling}); also its JSON form. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Whether the method trains a three-branch ResLT head (otherwise a single classifier). */
  public boolean resltHead() {
    return resltHead;
  }

  public Sampling sampling() {
    return sampling;
  }

  /** Whether {@code alpha} (the weight of the branch term) means anything for this method. */
  public boolean usesAlpha() {
    return resltHead;
  }

  /** The objective of this method; {@code alpha} is ignored by the single-head methods. */
  public MethodLoss newLoss(double alpha, ClassGroups groups) {
    return switch (this) {
      case CE, CE_BALANCED -> new CrossEntropyLoss();
      case LOGIT_ADJUSTED -> LogitAdjustedLoss.of(groups.classCounts(), 1.0);
      case RESLT -> new ResltLoss(alpha, groups);
      case RESLT_LA ->
          new ResltLoss(alpha, groups, LogitAdjustedLoss.of(groups.classCounts(), 1.0));
      case RESLT_BRANCH_SAMPLING -> new BranchSamplingLoss(alpha);
    };
  }

  /** Parses a user's method name; the message lists the valid names. */
  @JsonCreator
  public static Method fromId(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (Method m : values()) {
      if (m.id.equals(wanted)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + text + "'; expected one of " + ids());
  }

  /** All method names, comma-separated, for help and error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Method::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
