package dev.resltj.trainer.evaluation;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.ClassGroups;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The text of {@code report.md}: the numbers of {@code report.json} for people, plus the plots. */
final class ReportMarkdown {
  private ReportMarkdown() {}

  static String render(
      EvaluationReport report, TrainingHistory history, Optional<Selection> selection) {
    ClassGroups groups = report.groups();
    StringBuilder md = new StringBuilder();
    md.append("# Evaluation on ").append(report.dataset()).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%,d test images, %d classes; training split of %,d images, groups by training images:"
                + " tail \u2264 %d, medium \u2264 %d, head above.%n%n",
            report.images(),
            report.numClasses(),
            total(groups.classCounts()),
            groups.thresholds().tailMax(),
            groups.thresholds().mediumMax()));

    md.append("## Metrics\n\n");
    MarkdownTable metrics = MarkdownTable.withHeaders(1, "metric", "value");
    metrics.row("top-1 accuracy", percent(report.top1()));
    metrics.row("balanced accuracy (mean per-class recall)", percent(report.balanced()));
    for (ClassGroup g : ClassGroup.values()) {
      metrics.row(g.id() + " accuracy", percent(report.groupAccuracy(g)));
    }
    md.append(metrics.render()).append('\n');

    if (selection.isPresent()) {
      appendSelection(md, report, selection.get());
    }

    if (report.hasBranches()) {
      md.append("## ResLT branches\n\n");
      md.append(
          "Each branch alone, predicting all classes; the model's prediction is their sum"
              + " (above).\n\n");
      MarkdownTable branches =
          MarkdownTable.withHeaders(2, "branch", "trained on", "top-1", "head", "medium", "tail");
      for (Branch b : Branch.values()) {
        GroupAccuracy byGroup = report.branchGroups().get(b.id());
        branches.row(
            b.displayName(),
            switch (b) {
              case HMT -> "all classes";
              case MT -> "medium + tail";
              case T -> "tail";
            },
            percent(report.branches().get(b.id())),
            percent(byGroup.head()),
            percent(byGroup.medium()),
            percent(byGroup.tail()));
      }
      md.append(branches.render()).append('\n');
    }

    md.append("## Groups\n\n");
    MarkdownTable groupTable =
        MarkdownTable.withHeaders(
            2, "group", "classes", "training images", "test images", "accuracy", "mean recall");
    for (ClassGroup g : ClassGroup.values()) {
      List<Integer> classes = groups.classesIn(g);
      long train = 0;
      long test = 0;
      double recallSum = 0;
      int withRecall = 0;
      for (int c : classes) {
        train += groups.classCounts().get(c);
        test += report.classSupport().get(c);
        Double r = report.classRecall().get(c);
        if (r != null) {
          recallSum += r;
          withRecall++;
        }
      }
      groupTable.row(
          g.id(),
          classes.isEmpty() ? "none" : labelsOf(report, classes),
          String.format(Locale.ROOT, "%,d", train),
          String.format(Locale.ROOT, "%,d", test),
          percent(report.groupAccuracy(g)),
          withRecall == 0 ? "-" : percent(recallSum / withRecall));
    }
    md.append(groupTable.render()).append('\n');

    md.append("## Classes\n\n");
    MarkdownTable classes =
        MarkdownTable.withHeaders(2, "class", "group", "training images", "test images", "recall");
    for (int c = 0; c < report.numClasses(); c++) {
      classes.row(
          report.classLabels().get(c),
          groups.groupOf(c).id(),
          String.format(Locale.ROOT, "%,d", groups.classCounts().get(c)),
          String.format(Locale.ROOT, "%,d", report.classSupport().get(c)),
          percent(report.classRecall().get(c)));
    }
    md.append(classes.render()).append('\n');

    md.append("## Confusion matrix\n\n");
    if (report.numClasses() > ReportPlots.MAX_LABELLED_CLASSES) {
      md.append(
          "Too many classes for a readable table: see the heatmap below and `confusion.counts` in"
              + " report.json (rows = true class, columns = predicted).\n\n");
    } else {
      appendConfusionTable(md, report);
    }

    if (!history.isEmpty()) {
      md.append("## Training\n\n");
      MarkdownTable epochs =
          MarkdownTable.withHeaders(
              1,
              "epoch",
              "train loss",
              "train acc.",
              "validation acc.",
              "learning rate",
              "images/s",
              "seconds");
      double seconds = 0;
      for (EpochRecord e : history.epochs()) {
        seconds += e.seconds();
        epochs.row(
            e.epoch(),
            Double.isNaN(e.trainLoss()) ? "NaN" : String.format(Locale.ROOT, "%.4f", e.trainLoss()),
            percent(e.trainAccuracy()),
            e.hasValidationAccuracy() ? percent(e.validationAccuracy()) : "-",
            String.format(Locale.ROOT, "%.2e", e.learningRate()),
            String.format(Locale.ROOT, "%,.0f", e.imagesPerSecond()),
            String.format(Locale.ROOT, "%.1f", e.seconds()));
      }
      md.append(epochs.render()).append('\n');
      md.append(
          String.format(Locale.ROOT, "%d epochs in %.1f s.%n%n", history.epochs().size(), seconds));
    }

    md.append("## Plots\n\n");
    appendPlot(md, "Training set class distribution", ReportWriter.CLASS_DISTRIBUTION_PNG);
    appendPlot(md, "Confusion matrix (row-normalised)", ReportWriter.CONFUSION_MATRIX_PNG);
    appendPlot(md, "Per-class recall against training images", ReportWriter.RECALL_VS_COUNT_PNG);
    if (!history.isEmpty()) {
      appendPlot(md, "Loss and accuracy per epoch", ReportWriter.TRAINING_CURVES_PNG);
    }
    return md.toString();
  }

  private static void appendConfusionTable(StringBuilder md, EvaluationReport report) {
    md.append(
        "Test images by true class (rows) and predicted class (columns); the diagonal in bold,"
            + " \u00b7 for none.\n\n");
    String[] headers = new String[report.numClasses() + 2];
    headers[0] = "true \\ predicted";
    for (int p = 0; p < report.numClasses(); p++) {
      headers[p + 1] = report.classLabels().get(p);
    }
    headers[headers.length - 1] = "total";
    MarkdownTable matrix = MarkdownTable.withHeaders(1, headers);
    ConfusionMatrix confusion = report.confusion();
    for (int t = 0; t < report.numClasses(); t++) {
      Object[] cells = new Object[headers.length];
      cells[0] = report.classLabels().get(t);
      for (int p = 0; p < report.numClasses(); p++) {
        int count = confusion.count(t, p);
        cells[p + 1] = t == p ? "**" + count + "**" : count == 0 ? "\u00b7" : count;
      }
      cells[headers.length - 1] = confusion.rowTotal(t);
      matrix.row(cells);
    }
    md.append(matrix.render()).append('\n');
  }

  private static void appendPlot(StringBuilder md, String title, String file) {
    String path = ReportWriter.PLOTS_DIR + "/" + file;
    md.append("### ").append(title).append("\n\n");
    md.append("![").append(title).append("](").append(path).append(")\n\n");
  }

  private static String labelsOf(EvaluationReport report, List<Integer> classes) {
    StringBuilder out = new StringBuilder();
    for (int c : classes) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(report.classLabels().get(c));
    }
    return out.toString();
  }

  private static long total(List<Integer> counts) {
    long sum = 0;
    for (int n : counts) {
      sum += n;
    }
    return sum;
  }

  static String percent(Double fraction) {
    return fraction == null ? "-" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  private static void appendSelection(StringBuilder md, EvaluationReport test, Selection s) {
    md.append("## Model choice\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Epoch %d of %d, chosen by %s on %,d validation images (%s). The test set was scored"
                + " once, for this epoch only.%n%n",
            s.epoch(),
            s.epochsTrained(),
            s.rule(),
            s.validation().images(),
            s.validation().dataset()));
    MarkdownTable table = MarkdownTable.withHeaders(1, "metric", "validation", "test");
    Selection.Scores v = s.validation();
    table.row("top-1 accuracy", percent(v.top1()), percent(test.top1()));
    table.row("balanced accuracy", percent(v.balanced()), percent(test.balanced()));
    table.row("head accuracy", percent(v.head()), percent(test.head()));
    table.row("medium accuracy", percent(v.medium()), percent(test.medium()));
    table.row("tail accuracy", percent(v.tail()), percent(test.tail()));
    md.append(table.render()).append('\n');
  }
}
