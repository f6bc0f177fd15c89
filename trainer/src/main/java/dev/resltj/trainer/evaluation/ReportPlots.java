package dev.resltj.trainer.evaluation;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.ClassGroups;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart into images at twice their nominal size for sharp text.
 */
final class ReportPlots {
  /** Pixels per nominal pixel: the PNGs stay crisp on high-density screens and when zoomed. */
  static final int SCALE = 2;

  static final int DISTRIBUTION_WIDTH = 900;
  static final int DISTRIBUTION_HEIGHT = 540;
  static final int RECALL_WIDTH = 900;
  static final int RECALL_HEIGHT = 560;
  static final int CURVE_WIDTH = 640;
  static final int CURVE_HEIGHT = 440;

  /** Up to this many classes the heatmap prints its values and the recall plot names its points. */
  static final int MAX_LABELLED_CLASSES = 20;

  private static final int MAX_NAMED_POINTS = 30;

  private static final Color HEAD = new Color(0x0072B2);
  private static final Color MEDIUM = new Color(0x009E73);
  private static final Color TAIL = new Color(0xD55E00);
  private static final Color GRID = new Color(0xE5E5E5);
  private static final Color TEXT = new Color(0x222222);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font ANNOTATION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private ReportPlots() {}

  static Color colorOf(ClassGroup group) {
    return switch (group) {
      case HEAD -> HEAD;
      case MEDIUM -> MEDIUM;
      case TAIL -> TAIL;
    };
  }

  /** Whether a log axis reads better than a linear one for these (positive) counts. */
  static boolean wantsLogScale(List<Integer> counts) {
    int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
    return min > 0 && max >= 20L * min;
  }

  /**
   * Training images per class, most frequent first, bars coloured by group, thresholds as dashed
   * lines. XChart's bar charts cannot use a log axis, so the bars are filled polygons on an XY
   * chart.
   */
  static BufferedImage classDistribution(ClassGroups groups, List<String> labels) {
    int n = groups.numClasses();
    List<Integer> order = byTrainingCountDescending(groups);
    List<Integer> counts = groups.classCounts();
    boolean log = wantsLogScale(counts);
    if (!log) {
      return classDistributionLinear(groups, labels, order);
    }
    int max = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
    int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
    double base = Math.pow(10, Math.floor(Math.log10(min)));
    double top = Math.pow(10, Math.ceil(Math.log10(max * 1.6)));
    // room under the bars for the class names: XChart's numeric axis cannot label categories
    double floor = base / 2.2;
    boolean namesUnderBars = n <= 30;
    XYChart chart =
        new XYChartBuilder()
            .width(DISTRIBUTION_WIDTH)
            .height(DISTRIBUTION_HEIGHT)
            .title("Training set: images per class (imbalance " + imbalanceText(counts) + ")")
            .xAxisTitle(
                namesUnderBars ? "class, most frequent first" : "class rank, most frequent first")
            .yAxisTitle("training images (log scale)")
            .build();
    applyCommonStyle(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setYAxisMin(floor);
    chart.getStyler().setYAxisMax(top);
    chart.getStyler().setXAxisMin(-0.6);
    chart.getStyler().setXAxisMax(n - 0.4);
    chart.getStyler().setXAxisTicksVisible(!namesUnderBars);
    chart.getStyler().setXAxisDecimalPattern("0");
    List<Color> colors = new ArrayList<>();
    Set<ClassGroup> inLegend = EnumSet.noneOf(ClassGroup.class);
    double halfWidth = 0.36;
    for (int i = 0; i < n; i++) {
      int c = order.get(i);
      ClassGroup g = groups.groupOf(c);
      double y = Math.max(counts.get(c), base);
      // one series per bar; the first bar of each group stands for the group in the legend
      boolean firstOfGroup = inLegend.add(g);
      XYSeries bar =
          chart.addSeries(
              firstOfGroup ? groupLegend(groups, g) : "class " + c,
              new double[] {i - halfWidth, i - halfWidth, i + halfWidth, i + halfWidth},
              new double[] {base, y, y, base});
      bar.setMarker(SeriesMarkers.NONE);
      bar.setShowInLegend(firstOfGroup);
      bar.setFillColor(colorOf(g));
      colors.add(colorOf(g));
      if (namesUnderBars) {
        double nameY = Math.sqrt(base * floor);
        chart.addAnnotation(new AnnotationText(labels.get(c), i, nameY, false));
        double labelY = y * Math.pow(top / base, 0.035);
        chart.addAnnotation(
            new AnnotationText(String.format(Locale.ROOT, "%,d", counts.get(c)), i, labelY, false));
      }
    }
    chart.getStyler().setSeriesColors(colors.toArray(Color[]::new));
    int tailMax = groups.thresholds().tailMax();
    int mediumMax = groups.thresholds().mediumMax();
    if (tailMax > floor && tailMax < top) {
      chart.addAnnotation(new AnnotationLine(tailMax, false, false));
      chart.addAnnotation(
          new AnnotationText("tail \u2264 " + tailMax, n - 1.2, tailMax * 1.12, false));
    }
    if (mediumMax > floor && mediumMax < top) {
      chart.addAnnotation(new AnnotationLine(mediumMax, false, false));
      chart.addAnnotation(
          new AnnotationText("medium \u2264 " + mediumMax, n - 1.2, mediumMax * 1.12, false));
    }
    return render(chart, DISTRIBUTION_WIDTH, DISTRIBUTION_HEIGHT);
  }

  /**
   * The same chart on a linear axis, where XChart's bar chart works and labels the classes itself.
   */
  private static BufferedImage classDistributionLinear(
      ClassGroups groups, List<String> labels, List<Integer> order) {
    int n = groups.numClasses();
    List<Integer> counts = groups.classCounts();
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(DISTRIBUTION_WIDTH)
            .height(DISTRIBUTION_HEIGHT)
            .title("Training set: images per class (imbalance " + imbalanceText(counts) + ")")
            .xAxisTitle(
                (n <= 30 ? "class, most frequent first" : "class rank, most frequent first")
                    + "    (dashed: tail \u2264 "
                    + groups.thresholds().tailMax()
                    + ", medium \u2264 "
                    + groups.thresholds().mediumMax()
                    + ")")
            .yAxisTitle("training images")
            .build();
    applyCommonStyle(chart.getStyler());
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setAvailableSpaceFill(0.72);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setYAxisMin(0.0);
    double yMax = counts.stream().mapToInt(Integer::intValue).max().orElse(1) * 1.15;
    chart.getStyler().setYAxisMax(yMax);
    chart.getStyler().setLabelsVisible(n <= 30);
    chart.getStyler().setLabelsFont(ANNOTATION_FONT);
    chart.getStyler().setLabelsFontColor(TEXT);
    chart.getStyler().setLabelsPosition(1.0);
    chart.getStyler().setXAxisTicksVisible(n <= 30);
    List<String> x = new ArrayList<>(n);
    for (int c : order) {
      x.add(labels.get(c));
    }
    List<Color> colors = new ArrayList<>();
    for (ClassGroup g : ClassGroup.values()) {
      if (groups.classesIn(g).isEmpty()) {
        continue;
      }
      List<Double> y = new ArrayList<>(n);
      for (int c : order) {
        y.add(groups.groupOf(c) == g ? (double) counts.get(c) : null);
      }
      chart.addSeries(groupLegend(groups, g), x, y);
      colors.add(colorOf(g));
    }
    chart.getStyler().setSeriesColors(colors.toArray(Color[]::new));
    for (int threshold :
        new int[] {groups.thresholds().tailMax(), groups.thresholds().mediumMax()}) {
      if (threshold < yMax) {
        chart.addAnnotation(new AnnotationLine(threshold, false, false));
      }
    }

    return render(chart, DISTRIBUTION_WIDTH, DISTRIBUTION_HEIGHT);
  }

  private static String groupLegend(ClassGroups groups, ClassGroup group) {
    int size = groups.classesIn(group).size();
    return group.id() + " (" + size + (size == 1 ? " class)" : " classes)");
  }

  private static List<Integer> byTrainingCountDescending(ClassGroups groups) {
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < groups.numClasses(); c++) {
      order.add(c);
    }
    order.sort(
        Comparator.comparing((Integer c) -> groups.classCounts().get(c))
            .reversed()
            .thenComparing(c -> c));
    return order;
  }

  private static String imbalanceText(List<Integer> counts) {
    int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
    return min == 0 ? "\u221e" : String.format(Locale.ROOT, "%.0f", (double) max / min);
  }

  /**
   * Row-normalised confusion matrix, true class down, predicted across, each cell the percentage of
   * the true class. The colour follows the square root of the share, so that errors of a fraction
   * of a percent still show next to a 99% diagonal; empty cells stay white.
   */
  static BufferedImage confusionHeatmap(ConfusionMatrix confusion, List<String> labels) {
    int n = confusion.size();
    int[] size = heatmapSize(n);
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(size[0])
            .height(size[1])
            .title("Confusion matrix (% of each true class)")
            .xAxisTitle("predicted class")
            .yAxisTitle("true class")
            .build();
    applyCommonStyle(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setDrawBorder(true);
    chart.getStyler().setShowValue(n <= MAX_LABELLED_CLASSES);
    chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, n <= 12 ? 12 : 10));
    chart.getStyler().setValueFontColor(TEXT);
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(100);
    chart.getStyler().setRangeColors(sqrtGradient(101));
    chart.getStyler().setHeatMapValueDecimalPattern("0.#");
    chart.getStyler().setXAxisLabelRotation(n > 12 ? 90 : 0);
    List<String> x = new ArrayList<>(labels);
    // the first true class at the top, as confusion matrices are read
    List<String> y = new ArrayList<>(n);
    for (int t = n - 1; t >= 0; t--) {
      y.add(labels.get(t));
    }
    List<Number[]> cells = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      for (int p = 0; p < n; p++) {
        if (confusion.count(t, p) > 0) {
          cells.add(new Number[] {p, n - 1 - t, confusion.fraction(t, p) * 100});
        }
      }
    }
    chart.addSeries("confusion", x, y, cells);
    return render(chart, size[0], size[1]);
  }

  /** Nominal width and height of the heatmap: cells stay square and readable as classes grow. */
  static int[] heatmapSize(int numClasses) {
    int cell = numClasses <= 12 ? 56 : numClasses <= 30 ? 32 : 12;
    int side = Math.max(420, Math.min(1600, cell * numClasses));
    return new int[] {side + 140, side + 150};
  }

  private static final Color[] BLUES = {
    new Color(0xF7FBFF),
    new Color(0xDEEBF7),
    new Color(0xC6DBEF),
    new Color(0x9ECAE1),
    new Color(0x6BAED6),
    new Color(0x4292C6)
  };

  /**
   * XChart spaces its range colours evenly from min to max; {@code stops} of them, each the blue of
   * the square root of its position, make the linear gradient follow a square-root scale.
   */
  private static Color[] sqrtGradient(int stops) {
    Color[] out = new Color[stops];
    for (int i = 0; i < stops; i++) {
      double t = Math.sqrt(i / (double) (stops - 1)) * (BLUES.length - 1);
      int k = Math.min((int) t, BLUES.length - 2);
      double f = t - k;
      Color a = BLUES[k];
      Color b = BLUES[k + 1];
      out[i] =
          new Color(
              (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
              (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
              (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
    return out;
  }

  /** Recall of each class against its training images (log x), coloured by group. */
  static BufferedImage recallVsTrainingCount(EvaluationReport report, ClassGroups groups) {
    boolean log = wantsLogScale(groups.classCounts());
    XYChart chart =
        new XYChartBuilder()
            .width(RECALL_WIDTH)
            .height(RECALL_HEIGHT)
            .title(
                String.format(
                    Locale.ROOT,
                    "Per-class recall vs training images (top-1 %.2f%%, balanced %.2f%%)",
                    report.top1() * 100,
                    report.balanced() * 100))
            .xAxisTitle(log ? "training images (log scale)" : "training images")
            .yAxisTitle("test recall (%)")
            .build();
    applyCommonStyle(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(11);
    chart.getStyler().setXAxisLogarithmic(log);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    double minRecall = 100;
    List<Color> colors = new ArrayList<>();
    List<double[]> labels = new ArrayList<>();
    List<String> labelTexts = new ArrayList<>();
    for (ClassGroup g : ClassGroup.values()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      List<Integer> shown = new ArrayList<>();
      for (int c : groups.classesIn(g)) {
        Double recall = report.classRecall().get(c);
        if (recall == null || (log && groups.classCounts().get(c) == 0)) {
          continue;
        }
        xs.add((double) groups.classCounts().get(c));
        ys.add(recall * 100);
        shown.add(c);
        minRecall = Math.min(minRecall, recall * 100);
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries s = chart.addSeries(g.id(), xs, ys);
      s.setMarker(SeriesMarkers.CIRCLE);
      colors.add(colorOf(g));
      for (int i = 0; i < xs.size(); i++) {
        String label = report.classLabels().get(shown.get(i));
        labels.add(new double[] {xs.get(i), ys.get(i)});
        labelTexts.add(label);
      }
    }
    chart.getStyler().setSeriesColors(colors.toArray(Color[]::new));
    double yMin = Math.max(0, Math.floor((minRecall - 2) / 5) * 5);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setYAxisMin(yMin);
    // group boundaries: a class left of a line has at most that many training images
    double minCount = groups.classCounts().stream().mapToInt(Integer::intValue).min().orElse(0);
    double maxCount = groups.classCounts().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int threshold :
        new int[] {groups.thresholds().tailMax(), groups.thresholds().mediumMax()}) {
      if (threshold >= minCount && threshold <= maxCount) {
        chart.addAnnotation(new AnnotationLine(threshold, true, false));
      }
    }
    // class names just above their points, in data space so they follow the axes; past a few dozen
    // classes they would only overlap
    double lift = (100 - yMin) * 0.03;
    for (int i = 0; i < labels.size() && labels.size() <= MAX_NAMED_POINTS; i++) {
      double[] at = labels.get(i);
      chart.addAnnotation(
          new AnnotationText(
              labelTexts.get(i), at[0], Math.min(at[1] + lift, 100 + lift / 2), false));
    }
    return render(chart, RECALL_WIDTH, RECALL_HEIGHT);
  }

  /**
   * Training loss (left) and train/validation accuracy (right) per epoch, side by side in one
   * image. Values that were not measured or diverged (NaN) are left out rather than drawn as zero.
   */
  static BufferedImage trainingCurves(TrainingHistory history) {
    Curve loss = new Curve();
    Curve trainAccuracy = new Curve();
    Curve validationAccuracy = new Curve();
    for (EpochRecord e : history.epochs()) {
      loss.add(e.epoch(), e.trainLoss());
      trainAccuracy.add(e.epoch(), e.trainAccuracy() * 100);
      validationAccuracy.add(e.epoch(), e.validationAccuracy() * 100);
    }
    int epochs = history.epochs().size();
    XYChart lossChart =
        new XYChartBuilder()
            .width(CURVE_WIDTH)
            .height(CURVE_HEIGHT)
            .title("Training loss")
            .xAxisTitle("epoch")
            .yAxisTitle("loss")
            .build();
    applyCurveStyle(lossChart, epochs);
    lossChart.getStyler().setLegendVisible(false);
    lossChart.getStyler().setSeriesColors(new Color[] {HEAD});
    loss.addTo(lossChart, "train loss", SeriesMarkers.CIRCLE);

    XYChart accuracyChart =
        new XYChartBuilder()
            .width(CURVE_WIDTH)
            .height(CURVE_HEIGHT)
            .title("Accuracy")
            .xAxisTitle("epoch")
            .yAxisTitle("accuracy (%)")
            .build();
    applyCurveStyle(accuracyChart, epochs);
    accuracyChart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    accuracyChart.getStyler().setSeriesColors(new Color[] {HEAD, TAIL});
    accuracyChart.getStyler().setYAxisMax(100.0);
    accuracyChart.getStyler().setYAxisDecimalPattern("0.#");
    trainAccuracy.addTo(accuracyChart, "train", SeriesMarkers.CIRCLE);
    validationAccuracy.addTo(accuracyChart, "validation", SeriesMarkers.DIAMOND);

    BufferedImage image =
        new BufferedImage(
            2 * CURVE_WIDTH * SCALE, CURVE_HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      prepare(g);
      lossChart.paint(g, CURVE_WIDTH, CURVE_HEIGHT);
      g.translate(CURVE_WIDTH, 0);
      accuracyChart.paint(g, CURVE_WIDTH, CURVE_HEIGHT);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The finite points of one curve. */
  private static final class Curve {
    private final List<Double> x = new ArrayList<>();
    private final List<Double> y = new ArrayList<>();

    void add(int epoch, double value) {
      if (Double.isFinite(value)) {
        x.add((double) epoch);
        y.add(value);
      }
    }

    /** Adds the curve, or a placeholder note when nothing was measured (XChart needs a series). */
    void addTo(XYChart chart, String name, Marker marker) {
      if (!x.isEmpty()) {
        chart.addSeries(name, x, y).setMarker(marker);
      } else if (chart.getSeriesMap().isEmpty()) {
        XYSeries empty =
            chart.addSeries(name + " (not measured)", new double[] {1}, new double[] {0});
        empty.setMarker(SeriesMarkers.NONE);
        empty.setShowInLegend(false);
        chart.addAnnotation(new AnnotationText(name + ": no finite value", 1, 0, false));
      }
    }
  }

  private static void applyCurveStyle(XYChart chart, int epochs) {
    applyCommonStyle(chart.getStyler());
    chart.getStyler().setMarkerSize(epochs > 40 ? 0 : 6);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("#,##0.0##");
    if (epochs <= 12) {
      chart.getStyler().setXAxisMaxLabelCount(epochs);
    } else if (epochs > 30) {
      // round ticks (0, 10, 20...) read better than 1, 11, 21...
      chart.getStyler().setXAxisMin(0.0);
    }
    chart.getStyler().setSeriesLines(new BasicStroke[] {new BasicStroke(2f)});
  }

  private static void applyCommonStyle(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(true);
    styler.setPlotBorderColor(new Color(0xBBBBBB));
    styler.setPlotGridLinesColor(GRID);
    styler.setPlotGridLinesStroke(new BasicStroke(1f));
    styler.setChartFontColor(TEXT);
    styler.setChartTitleFont(TITLE_FONT);
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(AXIS_TITLE_FONT);
    styler.setAxisTickLabelsFont(TICK_FONT);
    styler.setAxisTickLabelsColor(TEXT);
    styler.setLegendFont(LEGEND_FONT);
    styler.setLegendBorderColor(new Color(0xCCCCCC));
    styler.setAnnotationTextFont(ANNOTATION_FONT);
    styler.setAnnotationTextFontColor(TEXT);
    styler.setAnnotationLineColor(new Color(0x555555));
    styler.setAnnotationLineStroke(
        new BasicStroke(
            1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    styler.setChartPadding(12);
    styler.setLocale(Locale.ROOT);
    styler.setAntiAlias(true);
  }

  private static BufferedImage render(Chart<?, ?> chart, int width, int height) {
    BufferedImage image =
        new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      prepare(g);
      chart.paint(g, width, height);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void prepare(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
    g.scale(SCALE, SCALE);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }
}
