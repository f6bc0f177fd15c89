package dev.resltj.trainer.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.storage.AtomicFiles;
import dev.resltj.trainer.storage.JsonFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a run's evaluation into its folder, each file atomically:
 *
 * <ul>
 *   <li>{@code report.json}: the {@link EvaluationReport};
 *   <li>{@code history.json}: the {@link TrainingHistory} (when it has epochs);
 *   <li>{@code report.md}: a readable summary linking the plots;
 *   <li>{@code plots/class-distribution.png}, {@code plots/confusion-matrix.png}, {@code
 *       plots/recall-vs-training-count.png} and, when there is a history, {@code
 *       plots/training-curves.png}.
 * </ul>
 */
public final class ReportWriter {
  public static final String REPORT_JSON = "report.json";
  public static final String REPORT_MARKDOWN = "report.md";
  public static final String HISTORY_JSON = "history.json";
  public static final String PLOTS_DIR = "plots";
  public static final String CLASS_DISTRIBUTION_PNG = "class-distribution.png";
  public static final String CONFUSION_MATRIX_PNG = "confusion-matrix.png";
  public static final String RECALL_VS_COUNT_PNG = "recall-vs-training-count.png";
  public static final String TRAINING_CURVES_PNG = "training-curves.png";

  /**
   * Deflate at a middle level: the default (maximum) takes three times as long for files only a
   * fifth smaller, and a report is written after every run.
   */
  private static final float PNG_COMPRESSION_QUALITY = 0.5f;

  private ReportWriter() {}

  /**
   * Writes the report files into {@code runDir} (created if missing), replacing older ones.
   *
   * @param groups the training split's groups; must be the ones the report was evaluated with
   * @return the files written, JSON and Markdown first
   * @throws IllegalArgumentException when {@code groups} differ from the report's
   * @throws IOException when a file cannot be written
   */
  public static List<Path> write(
      Path runDir, EvaluationReport report, TrainingHistory history, ClassGroups groups)
      throws IOException {
    return write(runDir, report, history, groups, Optional.empty());
  }

  /**
   * As {@link #write(Path, EvaluationReport, TrainingHistory, ClassGroups)}, with the epoch choice
   * that made {@code report}'s model: {@code report.json} gains a {@code selection} object and
   * {@code report.md} a section that puts validation and test side by side.
   */
  public static List<Path> write(
      Path runDir,
      EvaluationReport report,
      TrainingHistory history,
      ClassGroups groups,
      Optional<Selection> selection)
      throws IOException {
    if (runDir == null || report == null || history == null || groups == null) {
      throw new IllegalArgumentException("run folder, report, history and groups are required");
    }
    if (!groups.equals(report.groups())) {
      throw new IllegalArgumentException(
          "the report was evaluated with class groups "
              + report.groups()
              + " but the writer was given "
              + groups);
    }
    // charts are drawn off-screen; a training machine often has no display
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<Path> written = new ArrayList<>();
    Path json = runDir.resolve(REPORT_JSON);
    ObjectNode tree = JsonFiles.mapper().valueToTree(report);
    selection.ifPresent(s -> tree.set("selection", JsonFiles.mapper().valueToTree(s)));
    JsonFiles.write(json, tree);
    written.add(json);
    Path markdown = runDir.resolve(REPORT_MARKDOWN);
    AtomicFiles.writeString(markdown, ReportMarkdown.render(report, history, selection));
    written.add(markdown);
    if (!history.isEmpty()) {
      Path historyJson = runDir.resolve(HISTORY_JSON);
      JsonFiles.write(historyJson, history);
      written.add(historyJson);
    }
    Path plots = runDir.resolve(PLOTS_DIR);
    written.add(
        png(
            plots.resolve(CLASS_DISTRIBUTION_PNG),
            ReportPlots.classDistribution(groups, report.classLabels())));
    written.add(
        png(
            plots.resolve(CONFUSION_MATRIX_PNG),
            ReportPlots.confusionHeatmap(report.confusion(), report.classLabels())));
    written.add(
        png(plots.resolve(RECALL_VS_COUNT_PNG), ReportPlots.recallVsTrainingCount(report, groups)));
    if (!history.isEmpty()) {
      written.add(png(plots.resolve(TRAINING_CURVES_PNG), ReportPlots.trainingCurves(history)));
    }
    return List.copyOf(written);
  }

  private static Path png(Path target, BufferedImage image) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer available for " + target);
    }
    ImageWriter writer = writers.next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(PNG_COMPRESSION_QUALITY);
      AtomicFiles.write(
          target,
          out -> {
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
              writer.setOutput(stream);
              writer.write(null, new IIOImage(image, null, null), param);
            }
          });
    } finally {
      writer.dispose();
    }
    return target;
  }
}
