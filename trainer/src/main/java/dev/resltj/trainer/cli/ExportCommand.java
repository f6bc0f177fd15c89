package dev.resltj.trainer.cli;

import dev.resltj.trainer.export.ExportResult;
import dev.resltj.trainer.export.ModelExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: a trained run as a self-describing {@code .onnx} file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Export a trained model to ONNX (opset 17): the network with its input normalisation, the"
          + " outputs logits, probabilities (and logits_hmt, logits_mt, logits_t for ResLT), and"
          + " metadata (labels, class groups and counts, input, method, metrics, run config,"
          + " split, provenance). ONNX Runtime or any ONNX consumer runs it without Java.",
      "See docs/onnx-contract.md for the full contract."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--checkpoint",
      required = true,
      paramLabel = "DIR",
      description =
          "A run folder (runs/NAME: its best/ epoch, chosen on validation, or checkpoint/ when it"
              + " has none) or one of its checkpoint folders. report.json and provenance.json are"
              + " embedded when present.")
  Path checkpoint;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.onnx",
      description =
          "Where to write the model. Written atomically: an interrupted export never leaves a"
              + " partial file; an existing file is replaced.")
  Path out;

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(checkpoint)) {
      throw new UsageException("--checkpoint " + checkpoint + " does not exist");
    }
    if (Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " is a folder: give the path of the .onnx file");
    }
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
      throw new UsageException("--out " + out + " must end with .onnx");
    }
    ExportResult result = ModelExport.exportRun(checkpoint, out);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "wrote %s (%,d bytes, sha256 %s) in %d ms%n",
            result.file(),
            result.bytes(),
            result.sha256(),
            result.took().toMillis());
    return ExitCodes.OK;
  }
}
