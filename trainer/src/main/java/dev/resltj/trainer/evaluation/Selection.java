package dev.resltj.trainer.evaluation;

/**
 * Which epoch a run chose as its model, and how well that epoch did on the validation set, the only
 * data the choice looked at. Written into {@code report.json} beside the test numbers, which are
 * measured once, for this epoch only.
 *
 * @param rule how the epoch was chosen, in words
 * @param epoch the chosen epoch (1 = first)
 * @param epochsTrained epochs the run trained
 * @param validation the chosen epoch's scores on the validation set
 */
public record Selection(String rule, int epoch, int epochsTrained, Scores validation) {

  /** The rule every run uses: it needs no setting and cannot favour the test set. */
  public static final String BEST_VALIDATION_TOP1 = "best validation top-1 (ties: the later epoch)";

  public Selection {
    if (rule == null || rule.isBlank() || validation == null) {
      throw new IllegalArgumentException("rule and validation scores are required");
    }
    if (epoch < 1 || epoch > epochsTrained) {
      throw new IllegalArgumentException(
          "chosen epoch must be in 1.." + epochsTrained + ", got " + epoch);
    }
  }

  /** The headline numbers of a report on one set of images. */
  public record Scores(
      String dataset,
      int images,
      double top1,
      double balanced,
      Double head,
      Double medium,
      Double tail) {

    public static Scores of(EvaluationReport report) {
      return new Scores(
          report.dataset(),
          report.images(),
          report.top1(),
          report.balanced(),
          report.head(),
          report.medium(),
          report.tail());
    }
  }
}
